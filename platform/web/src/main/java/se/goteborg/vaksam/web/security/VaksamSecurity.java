package se.goteborg.vaksam.web.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Building blocks for a service's own {@code SecurityWebFilterChain}. There is deliberately no
 * default chain: each service states its own rules after {@link #resourceServer}.
 *
 * <pre>{@code
 * @Bean
 * SecurityWebFilterChain api(ServerHttpSecurity http, VaksamSecurity vaksam) {
 *     return vaksam.resourceServer(http)
 *         .authorizeExchange(exchanges -> exchanges
 *             .pathMatchers("/api/v1/alerts/**").hasRole("RECIPIENT")
 *             .anyExchange().denyAll())
 *         .build();
 * }
 * }</pre>
 */
public class VaksamSecurity {

	private final ReactiveJwtDecoder jwtDecoder;

	private final VaksamJwtAuthenticationConverter converter;

	private final ProblemResponses problems = new ProblemResponses();

	public VaksamSecurity(ReactiveJwtDecoder jwtDecoder, VaksamJwtAuthenticationConverter converter) {
		this.jwtDecoder = jwtDecoder;
		this.converter = converter;
	}

	/**
	 * A stateless bearer-token API: JWTs from identity checked against the configured issuer and
	 * keys, roles and recipient mapped to authorities, no sessions, CSRF, form login, HTTP basic or
	 * logout, 401/403 as problem details, and {@code /actuator/health/**} open. Rules added
	 * afterwards come after the health rule.
	 */
	public ServerHttpSecurity resourceServer(ServerHttpSecurity http) {
		return stateless(http)
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.jwtDecoder(this.jwtDecoder).jwtAuthenticationConverter(this.converter))
				.authenticationEntryPoint(this.problems)
				.accessDeniedHandler(this.problems));
	}

	/**
	 * The same stateless setup without bearer-token authentication, for a chain whose requests are
	 * authenticated another way (e.g. member keys checked by the handler).
	 */
	public ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(this.problems)
				.accessDeniedHandler(this.problems))
			.authorizeExchange(exchanges -> exchanges.pathMatchers("/actuator/health", "/actuator/health/**")
				.permitAll());
	}

	/** 401 as problem details, for chains that authenticate in their own way. */
	public ServerAuthenticationEntryPoint authenticationEntryPoint() {
		return this.problems;
	}

	/** 403 as problem details. */
	public ServerAccessDeniedHandler accessDeniedHandler() {
		return this.problems;
	}

}
