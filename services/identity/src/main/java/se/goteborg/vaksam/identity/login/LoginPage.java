package se.goteborg.vaksam.identity.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * identity's login form (the password; Spring Security checks what it posts to {@code /login}). A failed login
 * comes back as {@code ?error}, a logout at identity as {@code ?logout}.
 */
@Controller
class LoginPage {

	static final String PATH = "/login";

	@GetMapping(PATH)
	String login(@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "logout", required = false) String logout, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("loggedOut", logout != null);
		model.addAttribute("switchPath", PATH);
		return "identity/login";
	}

}
