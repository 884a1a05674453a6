package se.goteborg.vaksam.web.page;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

import se.goteborg.vaksam.web.security.VaksamJwtAuthenticationConverter;

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
 *
 * Pages people log in to through the gateway start from {@link #personPages} instead.
 */
public final class PageSecurity {

	/** No camera, microphone, location, payment or USB for any page. */
	public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** The CSP of pages without script: nothing but the service's own style sheets (and data: images). */
	public static final String NO_SCRIPT_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

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

	/**
	 * The chain of the pages under {@code path} that people log in to at the gateway, which relays their access
	 * token: each request is authenticated by that token exactly like an API call, statelessly, and a refusal is
	 * raised as a {@link PageRefusals} error so that {@link PageErrorHandler} answers it with a page (401 "log in",
	 * 403 "not allowed", 403 "form expired") instead of a problem document. Form posts (multipart ones too) carry a
	 * CSRF token double-submitted through a cookie ({@link #csrfTokens}), since the gateway's session cookie follows
	 * the browser around; unlike an API chain's, they need it even though they arrive with a bearer token. Who may
	 * see which page stays the service's:
	 *
	 * <pre>{@code
	 * return PageSecurity.personPages(http, PageSecurity.NO_SCRIPT_CSP, "/inbox", jwtDecoder, converter)
	 *     .authorizeExchange(exchanges -> exchanges
	 *         .pathMatchers(HttpMethod.GET, "/inbox/assets/**").permitAll()
	 *         .anyExchange().hasRole("RECIPIENT"))
	 *     .build();
	 * }</pre>
	 */
	public static ServerHttpSecurity personPages(ServerHttpSecurity http, String contentSecurityPolicy, String path,
			ReactiveJwtDecoder jwtDecoder, VaksamJwtAuthenticationConverter converter) {
		XorServerCsrfTokenRequestAttributeHandler csrfHandler = new XorServerCsrfTokenRequestAttributeHandler();
		csrfHandler.setTokenFromMultipartDataEnabled(true);
		return browserPages(http, contentSecurityPolicy)
			.securityMatcher(new PathPatternParserServerWebExchangeMatcher(path + "/**"))
			// Named explicitly: the resource server would otherwise exempt every request with a bearer token from
			// CSRF, and through the gateway every page request carries the person's token.
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens(path))
				.csrfTokenRequestHandler(csrfHandler)
				.requireCsrfProtectionMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER)
				.accessDeniedHandler((exchange, denied) -> PageRefusals.formExpired()))
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(converter))
				.authenticationEntryPoint((exchange, e) -> PageRefusals.notLoggedIn())
				.accessDeniedHandler((exchange, denied) -> PageRefusals.notAllowed()))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((exchange, e) -> PageRefusals.notLoggedIn())
				.accessDeniedHandler((exchange, denied) -> PageRefusals.notAllowed()));
	}

}
