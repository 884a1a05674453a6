package se.goteborg.vaksam.identity.config;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingMissingAuthorityAccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import se.goteborg.vaksam.identity.page.PageHeaders;
import se.goteborg.vaksam.identity.twofactor.SecondFactorAuthorization;
import se.goteborg.vaksam.identity.twofactor.SecondFactorEntryPoint;
import se.goteborg.vaksam.identity.twofactor.TwoFactorPaths;
import se.goteborg.vaksam.identity.twofactor.TwoFactorPolicy;
import se.goteborg.vaksam.identity.twofactor.TwoFactorService;

/**
 * Three filter chains: the authorization server's endpoints (token, keys, discovery, authorize),
 * the open health endpoint, and identity's own pages (the login, the second factor) for everything else.
 *
 * <p>A person's login is complete with the password ({@link FactorGrantedAuthority#PASSWORD_AUTHORITY}) and, when
 * they have an authenticator or the policy requires one, {@link SecondFactorAuthorization#FACTOR}: Spring Security's
 * multi-factor authorization adds that requirement to every rule that needs a login, the authorization endpoint's
 * included, so no authorization code is issued before the code. A login that lacks it is sent on by
 * {@link SecondFactorEntryPoint}, and comes back to the request that asked for it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String LOGIN = "/login";

	@Bean
	AuthorizationServerSettings authorizationServerSettings(
			@Value("${vaksam.security.issuer:http://localhost:8080}") String issuer) {
		// Fixed to the public base URL so that every token's iss matches what the services
		// validate, whichever address identity itself was reached on.
		return AuthorizationServerSettings.builder().issuer(issuer).build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, ObjectProvider<TwoFactorService> twoFactor,
			ObjectProvider<TwoFactorPolicy> policy) {
		http.oauth2AuthorizationServer(authorizationServer -> {
			http.securityMatcher(authorizationServer.getEndpointsMatcher());
			authorizationServer.oidc(withDefaults());
		});
		AuthorizationManager<RequestAuthorizationContext> loggedIn = loggedIn(twoFactor, policy, false);
		http.authorizeHttpRequests(authorize -> authorize.anyRequest().access(loggedIn));
		http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
		MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		http.exceptionHandling(exceptions -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), browser)
			.accessDeniedHandler(missingSecondFactor(twoFactor)));
		return http.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain healthChain(HttpSecurity http) {
		http.securityMatcher("/actuator/health", "/actuator/health/**")
			.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(sessions -> sessions.disable());
		return http.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SecurityFilterChain loginChain(HttpSecurity http, ObjectProvider<TwoFactorService> twoFactor,
			ObjectProvider<TwoFactorPolicy> policy) {
		boolean secondFactor = twoFactor.getIfAvailable() != null;
		AuthorizationManager<RequestAuthorizationContext> loggedIn = loggedIn(twoFactor, policy, false);
		AuthorizationManager<RequestAuthorizationContext> settingUp = loggedIn(twoFactor, policy, true);
		http.authorizeHttpRequests(authorize -> {
			authorize.requestMatchers(HttpMethod.GET, LOGIN, LOGIN + "/assets/**").permitAll();
			authorize.requestMatchers("/error").permitAll();
			if (secondFactor) {
				authorize.requestMatchers(TwoFactorPaths.CODE, TwoFactorPaths.RECOVERY)
					.hasAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY);
				authorize.requestMatchers(TwoFactorPaths.SET_UP, TwoFactorPaths.SET_UP + "/**").access(settingUp);
			}
			authorize.anyRequest().access(loggedIn);
		});
		http.formLogin(login -> {
			login.loginPage(LOGIN).permitAll();
			if (secondFactor) {
				// Logged in at identity itself rather than through the gateway: the person's own second factor.
				login.defaultSuccessUrl(TwoFactorPaths.SET_UP);
			}
		});
		http.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(missingSecondFactor(twoFactor)));
		PageHeaders.apply(http);
		return http.build();
	}

	/**
	 * Authenticated, and with the second factor where the person needs it; {@code settingUp}: a person without an
	 * authenticator may set one up with the password alone.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> loggedIn(ObjectProvider<TwoFactorService> twoFactor,
			ObjectProvider<TwoFactorPolicy> policy, boolean settingUp) {
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factory = new DefaultAuthorizationManagerFactory<>();
		TwoFactorService service = twoFactor.getIfAvailable();
		if (service != null) {
			factory.setAdditionalAuthorization(settingUp
					? SecondFactorAuthorization.settingUp(service, policy.getObject())
					: SecondFactorAuthorization.loggedIn(service, policy.getObject()));
		}
		return factory.authenticated();
	}

	/** A login without its second factor goes to the code (or set-up) page, and back here after it. */
	private static AccessDeniedHandler missingSecondFactor(ObjectProvider<TwoFactorService> twoFactor) {
		TwoFactorService service = twoFactor.getIfAvailable();
		if (service == null) {
			return new AccessDeniedHandlerImpl();
		}
		DelegatingMissingAuthorityAccessDeniedHandler handler = DelegatingMissingAuthorityAccessDeniedHandler.builder()
			.addEntryPointFor(new SecondFactorEntryPoint(service), SecondFactorAuthorization.FACTOR)
			.build();
		handler.setRequestCache(new HttpSessionRequestCache());
		return handler;
	}

}
