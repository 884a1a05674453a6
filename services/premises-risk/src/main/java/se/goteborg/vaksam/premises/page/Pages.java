package se.goteborg.vaksam.premises.page;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.page.PageRefusals;
import se.goteborg.vaksam.web.page.PageResponses;

/** What every lettings page shares: language, the logged-in user, the CSRF token for its forms, dates. */
final class Pages {

    static final String PATH = "/lettings";

    private Pages() {
    }

    /** The model every page template expects: see {@link PageResponses#personModel}. */
    static Mono<Map<String, Object>> model(ServerRequest request, String switchPath) {
        return PageResponses.personModel(request, switchPath);
    }

    /** A page that only says something: {@code message.<key>.title} and {@code .text}. */
    static Mono<ServerResponse> message(ServerRequest request, HttpStatus status, String key) {
        return PageResponses.message(model(request, PATH), status, "lettings/message", key);
    }

    /** The page for an error raised before or by a page handler: a refusal says why, anything else by status. */
    static Mono<ServerResponse> error(ServerRequest request, HttpStatus status, Throwable error) {
        return message(request, status, PageRefusals.messageKey(status, error));
    }
}
