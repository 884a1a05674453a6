package se.goteborg.vaksam.gateway.login;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The pages people use once logged in, and the gateway's own login paths. Everything else (the API, the intake
 * pages, identity's paths, the start page) is outside the login and never gets a session.
 */
public final class PersonPages {

	/** Page prefixes of the services whose users log in: the lettings group, the recipients, the coordinators. */
	public static final List<String> PATHS = List.of("/lettings/**", "/inbox/**", "/network/**");

	static final String REGISTRATION_ID = "vaksam";

	/** Starts a login: the gateway's authorization request to identity. */
	static final String AUTHORIZE = "/auth/authorize/{registrationId}";

	/** Where identity sends the browser back with the code. Outside identity's routed paths on purpose. */
	static final String CALLBACK = "/auth/code/{registrationId}";

	static final String LOGOUT = "/auth/logout";

	static final String LOGIN_START = "/auth/authorize/" + REGISTRATION_ID;

	private PersonPages() {
	}

	static ServerWebExchangeMatcher pages() {
		return ServerWebExchangeMatchers.pathMatchers(PATHS.toArray(String[]::new));
	}

	static ServerWebExchangeMatcher pageReads() {
		return ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PATHS.toArray(String[]::new));
	}

	static ServerWebExchangeMatcher pagesAndLogin() {
		return ServerWebExchangeMatchers.matchers(pages(), ServerWebExchangeMatchers.pathMatchers("/auth/**"));
	}

	static ServerWebExchangeMatcher logout() {
		return ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, LOGOUT);
	}

}
