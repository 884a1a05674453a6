package se.goteborg.vaksam.identity.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import se.goteborg.vaksam.identity.token.TokenClaims;

/** Turns client definitions into registered clients, refusing definitions that cannot be right. */
final class RegisteredClients {

	static final Set<String> RECIPIENTS = Set.of("POLICE", "MIKAMOTTAGNINGEN", "SOCIAL_SERVICES_CHILDREN",
			"REGION_COORDINATORS", "LETTINGS_GROUP");

	private static final Pattern ENCODED_SECRET = Pattern.compile("^\\{(bcrypt|noop|argon2|pbkdf2|scrypt)\\}.+");

	private static final Pattern ROLE = Pattern.compile("^[A-Z][A-Z_]*$");

	private RegisteredClients() {
	}

	static List<RegisteredClient> from(List<ClientDefinition> definitions, Duration accessTokenTtl) {
		List<RegisteredClient> clients = definitions.stream().map(definition -> from(definition, accessTokenTtl)).toList();
		long distinct = clients.stream().map(RegisteredClient::getClientId).distinct().count();
		if (distinct != clients.size()) {
			throw new IllegalArgumentException("vaksam.identity.clients: client ids must be unique");
		}
		return clients;
	}

	static RegisteredClient from(ClientDefinition definition, Duration accessTokenTtl) {
		String id = definition.id();
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("vaksam.identity.clients: every client needs an id");
		}
		if (definition.recipient() != null && !RECIPIENTS.contains(definition.recipient())) {
			throw new IllegalArgumentException("Client " + id + ": recipient must be one of " + RECIPIENTS);
		}
		definition.roles().forEach(role -> {
			if (!ROLE.matcher(role).matches()) {
				throw new IllegalArgumentException("Client " + id + ": roles must be upper-case names");
			}
		});
		boolean confidential = definition.secret() != null && !definition.secret().isBlank();
		if (confidential && !ENCODED_SECRET.matcher(definition.secret()).matches()) {
			throw new IllegalArgumentException(
					"Client " + id + ": the secret must be stored encoded, e.g. {bcrypt}$2a$10$...");
		}
		if (!confidential && definition.redirectUris().isEmpty()) {
			throw new IllegalArgumentException("Client " + id + ": a client without a secret needs redirect-uris");
		}

		RegisteredClient.Builder builder = RegisteredClient.withId(id)
			.clientId(id)
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(accessTokenTtl)
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.build());
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(!confidential)
			.requireAuthorizationConsent(false)
			.setting(TokenClaims.ROLES_SETTING, List.copyOf(definition.roles()));
		if (definition.recipient() != null) {
			settings.setting(TokenClaims.RECIPIENT_SETTING, definition.recipient());
		}
		builder.clientSettings(settings.build());

		if (confidential) {
			builder.clientSecret(definition.secret())
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
		}
		else {
			builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		if (!definition.redirectUris().isEmpty()) {
			builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
				.redirectUris(uris -> uris.addAll(definition.redirectUris()))
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.PROFILE);
		}
		return builder.build();
	}

}
