package se.goteborg.vaksam.premises.page;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.premises.page.PageRefusals.PageRefusal;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.security.VaksamCaller;

/** What every lettings page shares: language, the logged-in user, the CSRF token for its forms, dates. */
final class Pages {

    static final String PATH = "/lettings";

    private Pages() {
    }

    /**
     * The model every page template expects (see {@link PageResponses#model}), with {@code user} (the token's
     * subject, for the header) and {@code dates} to show times in Swedish time.
     */
    static Mono<Map<String, Object>> model(ServerRequest request, String switchPath) {
        return PageResponses.model(request, switchPath).flatMap(page -> {
            page.put("dates", PageDates.INSTANCE);
            return VaksamCaller.current().map(caller -> {
                page.put("user", caller.subject());
                return page;
            }).defaultIfEmpty(page);
        });
    }

    /** A page that only says something: {@code message.<key>.title} and {@code .text}. */
    static Mono<ServerResponse> message(ServerRequest request, HttpStatus status, String key) {
        return PageResponses.message(model(request, PATH), status, "lettings/message", key);
    }

    /** The page for an error raised before or by a page handler: a refusal says why, anything else by status. */
    static Mono<ServerResponse> error(ServerRequest request, HttpStatus status, Throwable error) {
        return message(request, status, error instanceof PageRefusal refusal ? refusal.messageKey() : messageKey(status));
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
}
