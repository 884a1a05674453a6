package se.goteborg.vaksam.identity.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import se.goteborg.vaksam.identity.config.IdentityProperties;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

	@Bean
	JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
		RSAKey key;
		if (properties.signingKeyPath() != null) {
			key = SigningKeys.load(properties.signingKeyPath());
			log.info("Signing tokens with the configured key {}", key.getKeyID());
		}
		else {
			key = SigningKeys.generate();
			log.info("Signing tokens with key {} generated at start-up; tokens will not outlive this process",
					key.getKeyID());
		}
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> vaksamTokenCustomizer() {
		return new VaksamTokenCustomizer();
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new ClientCredentialsNotStoredAuthorizationService(new InMemoryOAuth2AuthorizationService());
	}

}
