package se.goteborg.vaksam.gateway.login;

import java.util.ArrayList;
import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps the login session's cookie at the gateway: it is as good as the person's tokens, and no service needs it
 * (they get the access token), so it is taken out of the {@code Cookie} header of every forwarded request.
 */
@Component
class SessionCookieHeadersFilter implements HttpHeadersFilter, Ordered {

	private static final String PREFIX = SessionCookieResolver.NAME + "=";

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		List<String> cookies = input.get(HttpHeaders.COOKIE);
		if (cookies == null || cookies.stream().noneMatch(value -> value.contains(PREFIX))) {
			return input;
		}
		List<String> kept = new ArrayList<>();
		for (String value : cookies) {
			for (String pair : value.split(";")) {
				String cookie = pair.strip();
				if (!cookie.isEmpty() && !cookie.startsWith(PREFIX)) {
					kept.add(cookie);
				}
			}
		}
		HttpHeaders updated = HttpHeaders.copyOf(input);
		if (kept.isEmpty()) {
			updated.remove(HttpHeaders.COOKIE);
		}
		else {
			updated.set(HttpHeaders.COOKIE, String.join("; ", kept));
		}
		return updated;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
