package se.goteborg.vaksam.premises.page;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.premises.page.PageRefusals.PageRefusal;
import se.goteborg.vaksam.web.problem.ProblemWebExceptionHandler;

/**
 * A lettings user who is not logged in, not allowed, sends an expired form or opens premises without a notice gets a
 * page in their language that says what to do, not a JSON document. Refusals raised by security before any page
 * handler runs arrive here too; everything outside the pages keeps its problem details.
 */
@Component
class PageErrorHandler implements WebExceptionHandler, Ordered {

    private final ServerCodecConfigurer codecs;
    private final ServerResponse.Context context;

    PageErrorHandler(ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> viewResolvers) {
        this.codecs = codecs;
        this.context = new Context(codecs.getWriters(), viewResolvers.orderedStream().toList());
    }

    @Override
    public int getOrder() {
        return ProblemWebExceptionHandler.ORDER - 1;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (exchange.getResponse().isCommitted() || !isPage(path)) {
            return Mono.error(ex);
        }
        HttpStatusCode status = ex instanceof ErrorResponse error ? error.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            // The problem handler logs it (without path or content) and answers; a page adds nothing for a failure.
            return Mono.error(ex);
        }
        String key = ex instanceof PageRefusal refusal ? refusal.messageKey() : messageKey(status);
        ServerRequest request = ServerRequest.create(exchange, codecs.getReaders());
        return Pages.message(request, HttpStatus.valueOf(status.value()), key)
                .flatMap(response -> {
                    exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                    return response.writeTo(exchange, context);
                });
    }

    private static boolean isPage(String path) {
        return (path.equals(Pages.PATH) || path.startsWith(Pages.PATH + "/"))
                && !path.startsWith(Pages.PATH + "/assets/");
    }

    static String messageKey(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "notLoggedIn";
            case 403 -> "notAllowed";
            case 404, 405 -> "notFound";
            case 413 -> "tooLarge";
            default -> "badRequest";
        };
    }

    private record Context(List<HttpMessageWriter<?>> messageWriters, List<ViewResolver> viewResolvers)
            implements ServerResponse.Context {
    }
}
