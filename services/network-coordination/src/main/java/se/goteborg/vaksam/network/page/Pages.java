package se.goteborg.vaksam.network.page;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.page.PageRefusals;
import se.goteborg.vaksam.web.page.PageResponses;

/**
 * What every coordinator page shares: language, the logged-in person, the CSRF token for its forms, dates
 * ({@link PageResponses#personModel}), and the page that only says something. Templates build on
 * {@code network/layout.html}; their texts are in {@code messages*.properties} (the pages' own) and
 * {@code i18n/<feature>*.properties}.
 */
public final class Pages {

    public static final String PATH = "/network";

    private Pages() {
    }

    /** The model every page template expects; {@code switchPath} is where the language switch leads. */
    public static Mono<Map<String, Object>> model(ServerRequest request, String switchPath) {
        return PageResponses.personModel(request, switchPath);
    }

    /** A page that only says something: {@code message.<key>.title} and {@code .text}. */
    public static Mono<ServerResponse> message(ServerRequest request, HttpStatus status, String key) {
        return PageResponses.message(model(request, PATH), status, "network/message", key);
    }

    /**
     * The page for an error raised before or by a page handler: a refusal says why, a change that lost a race with
     * another coordinator's (409, 412) says so, anything else by status.
     */
    static Mono<ServerResponse> error(ServerRequest request, HttpStatus status, Throwable error) {
        boolean conflict = status == HttpStatus.CONFLICT || status == HttpStatus.PRECONDITION_FAILED;
        return message(request, status, conflict ? "conflict" : PageRefusals.messageKey(status, error));
    }
}
