package se.goteborg.vaksam.identity.twofactor;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import se.goteborg.vaksam.identity.twofactor.TwoFactorService.Verification;

/**
 * What a page says about a refused code, tied to the code field: {@code errorKey} (a message key) and, for a
 * lock-out, {@code minutes} until it ends; 400 for a wrong or reused code, 429 with {@code Retry-After} for a
 * lock-out.
 */
final class CodeErrors {

	private CodeErrors() {
	}

	static void add(Model model, Verification refused, boolean recoveryCode, Instant now, HttpServletResponse response) {
		if (refused == null) {
			return;
		}
		switch (refused.outcome()) {
			case LOCKED -> {
				long seconds = Math.max(1, Duration.between(now, refused.lockedUntil()).toSeconds());
				model.addAttribute("errorKey", "code.error.locked");
				model.addAttribute("minutes", (seconds + 59) / 60);
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			}
			case REPLAYED -> {
				model.addAttribute("errorKey", "code.error.used");
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
			case WRONG_CODE -> {
				model.addAttribute("errorKey", recoveryCode ? "code.error.wrongRecovery" : "code.error.wrong");
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
			default -> {
			}
		}
	}

}
