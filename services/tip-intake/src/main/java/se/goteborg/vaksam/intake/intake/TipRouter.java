package se.goteborg.vaksam.intake.intake;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.member.MemberKeyFilter;

@Configuration(proxyBeanMethods = false)
class TipRouter {

    static final String HOTEL = "/api/v1/tips/hotel";
    static final String TAXI = "/api/v1/tips/taxi";

    /** Tips are only ever posted; any other method is told so (405 with {@code Allow}), key or no key. */
    @Bean
    RouterFunction<ServerResponse> tipRoutes(TipHandler handler, MemberKeyFilter memberKeys) {
        return RouterFunctions.route()
                .POST(HOTEL, handler::hotel)
                .POST(TAXI, handler::taxi)
                .filter(memberKeys)
                .build()
                .and(RouterFunctions.route(RequestPredicates.path(HOTEL).or(RequestPredicates.path(TAXI)),
                        request -> Mono.error(new MethodNotAllowedException(request.method(),
                                Set.of(HttpMethod.POST)))));
    }
}
