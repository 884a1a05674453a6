package se.goteborg.vaksam.web.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * JWT validation against identity for every reactive service: keys from
 * {@code vaksam.security.jwk-set-uri} (fetched on first use, so a service starts before identity),
 * issuer from {@code vaksam.security.issuer}.
 */
@AutoConfiguration(before = { ReactiveOAuth2ResourceServerAutoConfiguration.class,
		ReactiveUserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ServerHttpSecurity.class)
@EnableConfigurationProperties(VaksamSecurityProperties.class)
public class VaksamSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder vaksamJwtDecoder(VaksamSecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSetUri(properties.jwkSetUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
		// A key set that cannot be fetched surfaces as a plain IllegalStateException, which would be
		// a 500; as a JwtException it becomes an AuthenticationServiceException, answered with 503.
		return token -> decoder.decode(token)
			.onErrorMap(ex -> !(ex instanceof JwtException),
					ex -> new JwtException("The signing keys cannot be fetched", ex));
	}

	/** Requests the security firewall refuses get a problem body too, not a bare 400. */
	@Bean
	static BeanPostProcessor vaksamFirewallProblems() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof WebFilterChainProxy proxy) {
					proxy.setExchangeRejectedHandler(new ProblemResponses());
				}
				return bean;
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	VaksamJwtAuthenticationConverter vaksamJwtAuthenticationConverter() {
		return new VaksamJwtAuthenticationConverter();
	}

	@Bean
	@ConditionalOnMissingBean
	VaksamSecurity vaksamSecurity(ReactiveJwtDecoder jwtDecoder, VaksamJwtAuthenticationConverter converter) {
		return new VaksamSecurity(jwtDecoder, converter);
	}

}
