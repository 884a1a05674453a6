package se.goteborg.vaksam.intake.intake;

import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Tips are only ever posted: any other method on a tip path is told so (405 with {@code Allow: POST}), key or no
 * key. Router functions have no 405 of their own, and behind the security chain, which lets only POST through to
 * these paths, the answer would be a misleading 401.
 */
@Component
class TipMethodFilter implements WebFilter, Ordered {

    /** Just before the security chain (-100). */
    static final int ORDER = -101;

    private static final Set<String> PATHS = Set.of("/api/v1/tips/hotel", "/api/v1/tips/taxi");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.POST
                && PATHS.contains(request.getPath().pathWithinApplication().value())) {
            return Mono.error(new MethodNotAllowedException(request.getMethod(), Set.of(HttpMethod.POST)));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
