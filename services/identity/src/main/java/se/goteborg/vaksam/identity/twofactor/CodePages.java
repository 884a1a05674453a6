package se.goteborg.vaksam.identity.twofactor;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.goteborg.vaksam.identity.twofactor.TwoFactorService.Verification;

/**
 * The login's second step: after the password, the code from the person's authenticator app, or one of their
 * recovery codes. Reached with the password alone; once a code is accepted the login holds the second factor and
 * goes on to where it was asked for.
 */
@Controller
@ConditionalOnBooleanProperty(name = "vaksam.identity.two-factor.enabled", matchIfMissing = true)
class CodePages {

	private final TwoFactorService twoFactor;

	private final SecondFactorSession session;

	private final Clock clock;

	CodePages(TwoFactorService twoFactor, SecondFactorSession session, Clock clock) {
		this.twoFactor = twoFactor;
		this.session = session;
		this.clock = clock;
	}

	@GetMapping(TwoFactorPaths.CODE)
	String codePage(Authentication login, Model model, HttpServletRequest request, HttpServletResponse response) {
		return page(Mode.CODE, login, model, request, response);
	}

	@GetMapping(TwoFactorPaths.RECOVERY)
	String recoveryPage(Authentication login, Model model, HttpServletRequest request, HttpServletResponse response) {
		return page(Mode.RECOVERY, login, model, request, response);
	}

	@PostMapping(TwoFactorPaths.CODE)
	String code(@RequestParam(name = "code", defaultValue = "") String code, Authentication login, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return checked(Mode.CODE, this.twoFactor.verify(login.getName(), code), login, model, request, response);
	}

	@PostMapping(TwoFactorPaths.RECOVERY)
	String recovery(@RequestParam(name = "code", defaultValue = "") String code, Authentication login, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return checked(Mode.RECOVERY, this.twoFactor.verifyRecoveryCode(login.getName(), code), login, model, request,
				response);
	}

	private String page(Mode mode, Authentication login, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (SecondFactorAuthorization.holds(login, SecondFactorAuthorization.FACTOR)) {
			return "redirect:" + this.session.continueUrl(request, response);
		}
		if (!this.twoFactor.enrolled(login.getName())) {
			return "redirect:" + TwoFactorPaths.SET_UP;
		}
		Verification locked = this.twoFactor.lockedUntil(login.getName())
			.map(until -> new Verification(TwoFactorService.Outcome.LOCKED, until, 0))
			.orElse(null);
		return render(mode, login, model, locked, response);
	}

	private String checked(Mode mode, Verification verification, Authentication login, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return switch (verification.outcome()) {
			case ACCEPTED -> {
				this.session.addFactor(login, request, response);
				yield "redirect:" + this.session.continueUrl(request, response);
			}
			case NOT_ENROLLED -> "redirect:" + TwoFactorPaths.SET_UP;
			default -> render(mode, login, model, verification, response);
		};
	}

	private String render(Mode mode, Authentication login, Model model, Verification refused,
			HttpServletResponse response) {
		model.addAttribute("mode", mode.name().toLowerCase(Locale.ROOT));
		model.addAttribute("user", login.getName());
		model.addAttribute("switchPath", mode == Mode.CODE ? TwoFactorPaths.CODE : TwoFactorPaths.RECOVERY);
		CodeErrors.add(model, refused, mode == Mode.RECOVERY, this.clock.instant(), response);
		return "identity/code";
	}

	private enum Mode {

		CODE, RECOVERY

	}

}
