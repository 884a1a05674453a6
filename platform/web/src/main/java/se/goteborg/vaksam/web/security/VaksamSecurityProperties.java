package se.goteborg.vaksam.web.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vaksam.security.*}: where the signing keys are fetched and which issuer tokens must name.
 * The issuer is the public base URL (behind the gateway), not identity's own address.
 */
@ConfigurationProperties("vaksam.security")
public record VaksamSecurityProperties(@DefaultValue("http://localhost:8080") String issuer,
		@DefaultValue("http://localhost:9000/oauth2/jwks") URI jwkSetUri) {
}
