package se.goteborg.vaksam.identity.client;

import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One OAuth2 client as configured under {@code vaksam.identity.clients[n]}.
 *
 * @param id client id
 * @param secret encoded secret with its algorithm, {@code {bcrypt}...} (or {@code {noop}...} for
 * local use); without a secret the client is a public browser client (authorization code + PKCE)
 * @param recipient recipient code the client acts for, if any
 * @param roles roles carried in the {@code roles} claim
 * @param redirectUris where a browser login may return to; enables the authorization code grant
 */
public record ClientDefinition(String id, String secret, String recipient, @DefaultValue List<String> roles,
		@DefaultValue List<String> redirectUris) {
}
