package se.goteborg.vaksam.identity.twofactor;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.goteborg.vaksam.identity.twofactor.TwoFactorService.Setup;
import se.goteborg.vaksam.identity.twofactor.TwoFactorService.Verification;
import se.goteborg.vaksam.qr.QrCodes;

/**
 * A person's second factor: setting up an authenticator app (a QR code of the {@code otpauth://} URI and the secret
 * for typing; it counts once the person confirms one of its codes, and the recovery codes are shown then, once),
 * and turning it off again with a code. A person without an authenticator reaches these pages with the password
 * alone, which is how the policy sends them here before their login goes on.
 */
@Controller
@ConditionalOnBooleanProperty(name = "vaksam.identity.two-factor.enabled", matchIfMissing = true)
class AccountPages {

	private static final String TEMPLATE = "identity/two-factor";

	private final TwoFactorService twoFactor;

	private final TwoFactorPolicy policy;

	private final SecondFactorSession session;

	private final MessageSource messages;

	private final Clock clock;

	AccountPages(TwoFactorService twoFactor, TwoFactorPolicy policy, SecondFactorSession session,
			MessageSource messages, Clock clock) {
		this.twoFactor = twoFactor;
		this.policy = policy;
		this.session = session;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(TwoFactorPaths.SET_UP)
	String page(Authentication login, Model model) {
		if (this.twoFactor.enrolled(login.getName())) {
			return render("on", login, model);
		}
		return setUp(login, model, null);
	}

	@PostMapping(TwoFactorPaths.CONFIRM)
	String confirm(@RequestParam(name = "code", defaultValue = "") String code, Authentication login, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<List<String>> recoveryCodes = this.twoFactor.confirm(login.getName(), code);
		if (recoveryCodes.isEmpty()) {
			if (this.twoFactor.enrolled(login.getName())) {
				return "redirect:" + TwoFactorPaths.SET_UP;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return setUp(login, model, "code.error.wrong");
		}
		this.session.addFactor(login, request, response);
		model.addAttribute("recoveryCodes", recoveryCodes.get());
		return render("confirmed", login, model);
	}

	@PostMapping(TwoFactorPaths.TURN_OFF)
	String turnOff(@RequestParam(name = "code", defaultValue = "") String code, Authentication login, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Verification verification = this.twoFactor.turnOff(login.getName(), code);
		if (verification.outcome() == TwoFactorService.Outcome.NOT_ENROLLED) {
			return "redirect:" + TwoFactorPaths.SET_UP;
		}
		if (!verification.accepted()) {
			CodeErrors.add(model, verification, false, this.clock.instant(), response);
			return render("on", login, model);
		}
		this.session.removeFactor(login, request, response);
		model.addAttribute("required", this.policy.requires(login.getAuthorities()));
		return render("off", login, model);
	}

	@GetMapping(TwoFactorPaths.CONTINUE)
	String continueLogin(HttpServletRequest request, HttpServletResponse response) {
		return "redirect:" + this.session.continueUrl(request, response);
	}

	private String setUp(Authentication login, Model model, String errorKey) {
		Optional<Setup> setup = this.twoFactor.setUp(login.getName());
		if (setup.isEmpty()) {
			return render("on", login, model);
		}
		String qrTitle = this.messages.getMessage("setup.qr", null, LocaleContextHolder.getLocale());
		model.addAttribute("qr", QrCodes.svg(setup.get().uri(), "qr-title", qrTitle));
		model.addAttribute("otpauthUri", setup.get().uri());
		model.addAttribute("secret", String.join(" ", setup.get().secret().split("(?<=\\G.{4})")));
		model.addAttribute("required", this.policy.requires(login.getAuthorities()));
		model.addAttribute("errorKey", errorKey);
		return render("setup", login, model);
	}

	private String render(String state, Authentication login, Model model) {
		model.addAttribute("state", state);
		model.addAttribute("user", login.getName());
		model.addAttribute("switchPath", TwoFactorPaths.SET_UP);
		return TEMPLATE;
	}

}
