package se.goteborg.vaksam.gateway.login;

import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

/**
 * The login session's cookie: its own name (identity's JSESSIONID lives on the same host), HttpOnly, SameSite=Lax
 * so that no other site's form or script request carries it, for the whole host, and Secure whenever the browser
 * reached Vaksam over https, also through a TLS-terminating proxy that says so in {@code X-Forwarded-Proto}.
 * Believing that header from anyone is harmless: a client that claims https only makes its own cookie Secure.
 */
final class SessionCookieResolver extends CookieWebSessionIdResolver {

	static final String NAME = "VAKSAM_SESSION";

	SessionCookieResolver() {
		setCookieName(NAME);
		addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").path("/"));
	}

	@Override
	public void setSessionId(ServerWebExchange exchange, String id) {
		super.setSessionId(exchange, id);
		secureOverHttps(exchange);
	}

	@Override
	public void expireSession(ServerWebExchange exchange) {
		super.expireSession(exchange);
		secureOverHttps(exchange);
	}

	private static void secureOverHttps(ServerWebExchange exchange) {
		ResponseCookie cookie = exchange.getResponse().getCookies().getFirst(NAME);
		if (cookie != null && !cookie.isSecure() && https(exchange.getRequest())) {
			exchange.getResponse().getCookies().set(NAME, cookie.mutate().secure(true).build());
		}
	}

	private static boolean https(ServerHttpRequest request) {
		return "https".equalsIgnoreCase(request.getURI().getScheme())
				|| "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
	}

}
