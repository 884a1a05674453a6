package se.goteborg.vaksam.identity.twofactor;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;

/**
 * Where a person goes who lacks {@link SecondFactorAuthorization#FACTOR}: to the code page when they have an
 * authenticator, else to set one up.
 */
public final class SecondFactorEntryPoint implements AuthenticationEntryPoint {

	private final TwoFactorService twoFactor;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	public SecondFactorEntryPoint(TwoFactorService twoFactor) {
		this.twoFactor = twoFactor;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
			throws IOException {
		Authentication login = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		boolean enrolled = login != null && this.twoFactor.enrolled(login.getName());
		this.redirects.sendRedirect(request, response, enrolled ? TwoFactorPaths.CODE : TwoFactorPaths.SET_UP);
	}

}
