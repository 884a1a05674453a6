package se.goteborg.vaksam.web.page;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Building blocks for the {@code SecurityWebFilterChain} of a service's browser pages. Unlike the API, pages are
 * used from a browser that cookies follow around, so their form posts carry a CSRF token, double-submitted through a
 * cookie ({@link #csrfTokens}), and their responses carry headers that keep them out of frames and referrers
 * ({@link #browserPages}). What the chain matches, how CSRF refusals are raised and who may see the pages stay the
 * service's:
 *
 * <pre>{@code
 * return PageSecurity.browserPages(http, CSP)
 *     .securityMatcher(new PathPatternParserServerWebExchangeMatcher("/intake/**"))
 *     .csrf(csrf -> csrf.csrfTokenRepository(PageSecurity.csrfTokens("/intake")))
 *     .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
 *     .build();
 * }</pre>
 */
public final class PageSecurity {

	/** No camera, microphone, location, payment or USB for any page. */
	public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private PageSecurity() {
	}

	/** CSRF tokens in a cookie readable by the pages under {@code path}, sent along with same-site requests only. */
	public static CookieServerCsrfTokenRepository csrfTokens(String path) {
		CookieServerCsrfTokenRepository tokens = new CookieServerCsrfTokenRepository();
		tokens.setCookiePath(path);
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return tokens;
	}

	/**
	 * No HTTP basic, form login, logout, session or saved request; headers: {@code contentSecurityPolicy},
	 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options: DENY}
	 * and {@link #PERMISSIONS_POLICY}, besides Spring Security's defaults.
	 */
	public static ServerHttpSecurity browserPages(ServerHttpSecurity http, String contentSecurityPolicy) {
		return http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
				.contentTypeOptions(Customizer.withDefaults())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.frameOptions(frames -> frames.mode(Mode.DENY))
				.permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY)));
	}

}
