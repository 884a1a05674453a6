package se.goteborg.vaksam.gateway.login;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.server.session.WebSessionIdResolver;

import se.goteborg.vaksam.gateway.routing.ServiceUris;

/**
 * The gateway as the people's OAuth2 client ("backend for frontend"): it logs a person in at identity with the
 * authorization code and PKCE, keeps their tokens in its own session and relays the access token to the pages'
 * services. Only the page prefixes and {@code /auth/**} have a security chain at all; every other path passes
 * through untouched and never starts a session.
 *
 * <p>The browser is sent to identity's public address (the gateway's own base URL, which routes
 * {@code /oauth2/**} to identity), while the gateway itself fetches tokens and keys from identity's internal
 * address. The provider is configured here rather than discovered, so the gateway starts before identity does.
 */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(LoginProperties properties, ServiceUris services,
			@Value("${vaksam.security.issuer:http://localhost:8080}") String publicBaseUrl,
			@Value("${vaksam.demo.enabled:false}") boolean demo) {
		String base = withoutTrailingSlash(publicBaseUrl);
		String identity = withoutTrailingSlash(services.identityUri().toString());
		ClientRegistration registration = ClientRegistration.withRegistrationId(PersonPages.REGISTRATION_ID)
			.clientId(properties.clientId())
			.clientSecret(properties.secret(demo))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
			.redirectUri(base + PersonPages.CALLBACK)
			.scope("openid", "profile")
			.authorizationUri(base + "/oauth2/authorize")
			.tokenUri(identity + "/oauth2/token")
			.jwkSetUri(identity + "/oauth2/jwks")
			.issuerUri(base)
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.providerConfigurationMetadata(Map.of("end_session_endpoint", base + "/connect/logout"))
			.clientName("Vaksam")
			.build();
		return new InMemoryReactiveClientRegistrationRepository(registration);
	}

	/** In the person's session, so that it ends with the session and two sessions never share tokens. */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	@Bean
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, Clock clock) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken(refresh -> refresh.clock(clock))
			.build());
		return manager;
	}

	@Bean
	WebSessionIdResolver webSessionIdResolver() {
		return new SessionCookieResolver();
	}

	@Bean
	SecurityWebFilterChain personLoginChain(ServerHttpSecurity http,
			ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients,
			ReactiveOAuth2AuthorizedClientManager authorizedClientManager, Clock clock,
			@Value("${vaksam.security.issuer:http://localhost:8080}") String publicBaseUrl) {
		String base = withoutTrailingSlash(publicBaseUrl);
		WebSessionServerRequestCache requestCache = new WebSessionServerRequestCache();
		requestCache.setSaveRequestMatcher(PersonPages.pageReads());
		// The page is found in the session by its path; no marker parameter on the URL people land on.
		requestCache.setMatchingRequestParameterName(null);
		WebSessionServerSecurityContextRepository securityContexts = new WebSessionServerSecurityContextRepository();
		ServerAuthenticationEntryPoint entryPoint = entryPoint(requestCache);
		RedirectServerAuthenticationSuccessHandler backToThePage = new RedirectServerAuthenticationSuccessHandler();
		backToThePage.setRequestCache(requestCache);

		http.securityMatcher(PersonPages.pagesAndLogin())
			.authorizeExchange(exchanges -> exchanges.matchers(PersonPages.pages()).authenticated()
				.anyExchange().permitAll())
			.oauth2Login(login -> login
				.authorizationRequestResolver(new DefaultServerOAuth2AuthorizationRequestResolver(registrations,
						new PathPatternParserServerWebExchangeMatcher(PersonPages.AUTHORIZE)))
				.authenticationMatcher(new PathPatternParserServerWebExchangeMatcher(PersonPages.CALLBACK))
				.authorizedClientRepository(authorizedClients)
				.securityContextRepository(securityContexts)
				.authenticationSuccessHandler(backToThePage)
				.authenticationFailureHandler(new LoginFailureHandler()))
			.securityContextRepository(securityContexts)
			.requestCache(cache -> cache.requestCache(requestCache))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
			.logout(logout -> logout.requiresLogout(PersonPages.logout())
				.logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
						new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(identityLogout(registrations, base)))
			.addFilterBefore(new SameOriginLogoutFilter(URI.create(base)), SecurityWebFiltersOrder.LOGOUT)
			.addFilterAfter(new FreshTokenWebFilter(authorizedClientManager, securityContexts, entryPoint, clock),
					SecurityWebFiltersOrder.AUTHORIZATION)
			// The services protect their own forms (double-submit cookies) and set their own headers; the
			// logout is guarded by SameOriginLogoutFilter.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable);
		return http.build();
	}

	/** A page read without a login goes to identity's login and back; anything else without a login is a 401. */
	private static ServerAuthenticationEntryPoint entryPoint(WebSessionServerRequestCache requestCache) {
		RedirectServerAuthenticationEntryPoint logIn = new RedirectServerAuthenticationEntryPoint(
				PersonPages.LOGIN_START);
		logIn.setRequestCache(requestCache);
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				new DelegatingServerAuthenticationEntryPoint.DelegateEntry(PersonPages.pageReads(), logIn));
		entryPoint.setDefaultEntryPoint(new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED));
		return entryPoint;
	}

	/** Ends identity's session too (OIDC RP-initiated logout), then the browser lands on the start page. */
	private static OidcClientInitiatedServerLogoutSuccessHandler identityLogout(
			ReactiveClientRegistrationRepository registrations, String base) {
		OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(
				registrations);
		handler.setPostLogoutRedirectUri(base + "/");
		handler.setLogoutSuccessUrl(URI.create("/"));
		return handler;
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
