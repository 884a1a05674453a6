package se.goteborg.vaksam.identity.twofactor;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The person's login at identity (the HTTP session) gaining or losing {@link SecondFactorAuthorization#FACTOR}, and
 * where it goes on: the request the second factor was asked for (the gateway's authorization request), kept in the
 * session like the one that asked for the password.
 */
final class SecondFactorSession {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	private final Clock clock;

	SecondFactorSession(Clock clock) {
		this.clock = clock;
	}

	/** The login with the second factor; a new session id, as after the password. */
	void addFactor(Authentication login, HttpServletRequest request, HttpServletResponse response) {
		GrantedAuthority factor = FactorGrantedAuthority.withAuthority(SecondFactorAuthorization.FACTOR)
			.issuedAt(this.clock.instant())
			.build();
		save(login.toBuilder().authorities(authorities -> authorities.add(factor)).build(), request, response);
		request.changeSessionId();
	}

	/** The login without it, once the person turned it off. */
	void removeFactor(Authentication login, HttpServletRequest request, HttpServletResponse response) {
		save(login.toBuilder()
			.authorities(authorities -> authorities
				.removeIf(granted -> SecondFactorAuthorization.FACTOR.equals(granted.getAuthority())))
			.build(), request, response);
	}

	/** Where to go on: the request that asked for the second factor, else the second factor's page. */
	String continueUrl(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.requests.getRequest(request, response);
		return saved != null ? saved.getRedirectUrl() : TwoFactorPaths.SET_UP;
	}

	private void save(Authentication login, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(login);
		this.contexts.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}
