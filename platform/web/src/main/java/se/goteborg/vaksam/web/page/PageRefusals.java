package se.goteborg.vaksam.web.page;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * Refusals raised (not written) by the security of pages people log in to, so that {@link PageErrorHandler} answers
 * them with a page that says what to do, in the visitor's language; and the message key of the page that answers
 * any 4xx error there. The texts are the service's: {@code message.<key>.title} and {@code message.<key>.text}.
 */
public final class PageRefusals {

	/** No valid access token: the person is not logged in at the gateway (or the login ran out). */
	public static final String NOT_LOGGED_IN = "notLoggedIn";

	/** Logged in, but not as someone these pages are for. */
	public static final String NOT_ALLOWED = "notAllowed";

	/** A form post without the CSRF token of this browser: stale, or sent from another site. */
	public static final String FORM_EXPIRED = "formExpired";

	private PageRefusals() {
	}

	public static Mono<Void> notLoggedIn() {
		return Mono.error(new PageRefusal(HttpStatus.UNAUTHORIZED, NOT_LOGGED_IN));
	}

	public static Mono<Void> notAllowed() {
		return Mono.error(new PageRefusal(HttpStatus.FORBIDDEN, NOT_ALLOWED));
	}

	public static Mono<Void> formExpired() {
		return Mono.error(new PageRefusal(HttpStatus.FORBIDDEN, FORM_EXPIRED));
	}

	/**
	 * The message of the page for {@code error}: a refusal says why; anything else by its status: {@code notLoggedIn}
	 * (401), {@code notAllowed} (403), {@code notFound} (404, 405), {@code tooLarge} (413), else {@code badRequest}.
	 */
	public static String messageKey(HttpStatusCode status, Throwable error) {
		if (error instanceof PageRefusal refusal) {
			return refusal.messageKey();
		}
		return switch (status.value()) {
			case 401 -> NOT_LOGGED_IN;
			case 403 -> NOT_ALLOWED;
			case 404, 405 -> "notFound";
			case 413 -> "tooLarge";
			default -> "badRequest";
		};
	}

	/** A refusal with the message key of the page that explains it. */
	public static final class PageRefusal extends ResponseStatusException {

		private final String messageKey;

		PageRefusal(HttpStatus status, String messageKey) {
			super(status, messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return this.messageKey;
		}

	}

}
