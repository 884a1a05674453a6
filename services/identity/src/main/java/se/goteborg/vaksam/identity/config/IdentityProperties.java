package se.goteborg.vaksam.identity.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.goteborg.vaksam.identity.client.ClientDefinition;

/**
 * {@code vaksam.identity.*}.
 *
 * @param clients API clients of recipient organisations and coordinators (always registered)
 * @param signingKeyPath PEM file with a PKCS#8 RSA private key; when absent a key is generated at
 * start-up, so tokens do not survive a restart
 * @param accessTokenTtl lifetime of access tokens
 * @param demoRedirectUris where the demo browser client may be sent back after a login
 */
@ConfigurationProperties("vaksam.identity")
public record IdentityProperties(@DefaultValue List<ClientDefinition> clients, Path signingKeyPath,
		@DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue({ "http://localhost:8080/inbox/login/oauth2/code/vaksam",
				"http://localhost:8080/network/login/oauth2/code/vaksam",
				"http://localhost:8080/lettings/login/oauth2/code/vaksam" }) List<String> demoRedirectUris) {
}
