package se.goteborg.vaksam.gateway.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Logs out only at the request of Vaksam's own pages. Their logout form has no token (the services render it
 * without knowing the gateway), so instead of a CSRF token the browser's own word counts, which no page can forge:
 * {@code Sec-Fetch-Site} must say same-origin; a browser too old to send it must send an {@code Origin} that is
 * the public base URL's. Origin alone is not enough to go by: pages with {@code Referrer-Policy: no-referrer}
 * (Vaksam's) make browsers send {@code Origin: null} with their own forms. A request with neither is refused.
 */
final class SameOriginLogoutFilter implements WebFilter {

	private final String origin;

	SameOriginLogoutFilter(URI publicBaseUrl) {
		this.origin = origin(publicBaseUrl);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return PersonPages.logout().matches(exchange).flatMap(logout -> {
			if (logout.isMatch() && !sameOrigin(exchange.getRequest())) {
				return LoginProblems.write(exchange, HttpStatus.FORBIDDEN,
						"Log out from the pages of this site.");
			}
			return chain.filter(exchange);
		});
	}

	private boolean sameOrigin(ServerHttpRequest request) {
		String fetchSite = request.getHeaders().getFirst("Sec-Fetch-Site");
		if (fetchSite != null) {
			return "same-origin".equals(fetchSite);
		}
		String claimed = request.getHeaders().getOrigin();
		if (claimed == null) {
			return false;
		}
		try {
			return this.origin.equals(origin(new URI(claimed)));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** scheme://host[:port], without the scheme's default port, as browsers write it. */
	static String origin(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
				|| ("https".equals(scheme) && port == 443);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

}
