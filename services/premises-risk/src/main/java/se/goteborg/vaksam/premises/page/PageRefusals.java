package se.goteborg.vaksam.premises.page;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * Refusals raised (not written) by the pages' security, so {@link se.goteborg.vaksam.web.page.PageErrorHandler}
 * answers them with a page that says what to do, in the visitor's language.
 */
public final class PageRefusals {

    private PageRefusals() {
    }

    /** No valid access token: the person is not logged in at the gateway (or the login ran out). */
    public static Mono<Void> notLoggedIn() {
        return Mono.error(new PageRefusal(HttpStatus.UNAUTHORIZED, "notLoggedIn"));
    }

    /** Logged in, but not as a lettings-group user. */
    public static Mono<Void> notAllowed() {
        return Mono.error(new PageRefusal(HttpStatus.FORBIDDEN, "notAllowed"));
    }

    /** A form post without the CSRF token of this browser: stale, or sent from another site. */
    public static Mono<Void> formExpired() {
        return Mono.error(new PageRefusal(HttpStatus.FORBIDDEN, "formExpired"));
    }

    static final class PageRefusal extends ResponseStatusException {

        private final String messageKey;

        PageRefusal(HttpStatus status, String messageKey) {
            super(status, messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }
}
