package se.goteborg.vaksam.identity.client;

import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One API client (client credentials) as configured under {@code vaksam.identity.clients[n]}. People do not
 * log in through these: they log in through the gateway's own client ({@link GatewayClient}).
 *
 * @param id client id
 * @param secret encoded secret with its algorithm, {@code {bcrypt}...} (or {@code {noop}...} for
 * local use)
 * @param recipient recipient code the client acts for, if any
 * @param roles roles carried in the {@code roles} claim
 */
public record ClientDefinition(String id, String secret, String recipient, @DefaultValue List<String> roles) {
}
