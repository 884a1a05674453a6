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
 * @param gatewayClientSecret the encoded secret ({@code {bcrypt}...}) of the gateway, the one client through
 * which people log in; without it (and outside the demo) nobody can log in through the browser
 * @param refreshTokenTtl how long the gateway may renew a person's access tokens after they logged in: at most
 * this long without logging in again
 */
@ConfigurationProperties("vaksam.identity")
public record IdentityProperties(@DefaultValue List<ClientDefinition> clients, Path signingKeyPath,
		@DefaultValue("15m") Duration accessTokenTtl, String gatewayClientSecret,
		@DefaultValue("8h") Duration refreshTokenTtl) {
}
