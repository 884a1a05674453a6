package se.goteborg.vaksam.identity.twofactor;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The second factor as Spring Security's multi-factor authorization sees it: an additional requirement on top of a
 * person's password login ({@link FactorGrantedAuthority#PASSWORD_AUTHORITY}) that asks for {@link #FACTOR} when
 * the person has an authenticator, or when the policy requires one and the person has none yet. What it asks for is
 * answered by {@link SecondFactorEntryPoint}. Anything else than a person's password login (a client at the token
 * endpoint, a bearer token) is left alone.
 *
 * @param <T> the secured object
 */
public final class SecondFactorAuthorization<T> implements AuthorizationManager<T> {

	/** The authority a person's login holds once their code was accepted. */
	public static final String FACTOR = "FACTOR_TOTP";

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private final TwoFactorService twoFactor;

	private final TwoFactorPolicy policy;

	private final boolean settingUp;

	private SecondFactorAuthorization(TwoFactorService twoFactor, TwoFactorPolicy policy, boolean settingUp) {
		this.twoFactor = twoFactor;
		this.policy = policy;
		this.settingUp = settingUp;
	}

	/** For the authorization endpoint and everything a fully logged-in person uses. */
	public static <T> SecondFactorAuthorization<T> loggedIn(TwoFactorService twoFactor, TwoFactorPolicy policy) {
		return new SecondFactorAuthorization<>(twoFactor, policy, false);
	}

	/** For the set-up page: a person without an authenticator reaches it with the password alone. */
	public static <T> SecondFactorAuthorization<T> settingUp(TwoFactorService twoFactor, TwoFactorPolicy policy) {
		return new SecondFactorAuthorization<>(twoFactor, policy, true);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, T object) {
		Authentication login = authentication.get();
		if (login == null || !holds(login, FactorGrantedAuthority.PASSWORD_AUTHORITY) || holds(login, FACTOR)) {
			return GRANTED;
		}
		if (this.twoFactor.enrolled(login.getName())) {
			return missing();
		}
		return !this.settingUp && this.policy.requires(login.getAuthorities()) ? missing() : GRANTED;
	}

	static boolean holds(Authentication login, String authority) {
		return login.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
	}

	private static FactorAuthorizationDecision missing() {
		return new FactorAuthorizationDecision(
				List.of(RequiredFactorError.createMissing(RequiredFactor.withAuthority(FACTOR).build())));
	}

}
