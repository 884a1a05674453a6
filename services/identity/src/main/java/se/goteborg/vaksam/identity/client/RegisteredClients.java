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

/**
 * Turns client definitions into registered clients, refusing definitions that cannot be right, and registers the
 * gateway's login client.
 */
final class RegisteredClients {

	static final Set<String> RECIPIENTS = Set.of("POLICE", "MIKAMOTTAGNINGEN", "SOCIAL_SERVICES_CHILDREN",
			"REGION_COORDINATORS", "LETTINGS_GROUP");

	private static final Pattern ENCODED_SECRET = Pattern.compile("^\\{(bcrypt|noop|argon2|pbkdf2|scrypt)\\}.+");

	private static final Pattern ROLE = Pattern.compile("^[A-Z][A-Z_]*$");

	private RegisteredClients() {
	}

	static List<RegisteredClient> from(List<ClientDefinition> definitions, Duration accessTokenTtl) {
		return unique(definitions.stream().map(definition -> from(definition, accessTokenTtl)).toList());
	}

	static List<RegisteredClient> unique(List<RegisteredClient> clients) {
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
		requireEncodedSecret(id, definition.secret());

		ClientSettings.Builder settings = ClientSettings.builder()
			.requireAuthorizationConsent(false)
			.setting(TokenClaims.ROLES_SETTING, List.copyOf(definition.roles()));
		if (definition.recipient() != null) {
			settings.setting(TokenClaims.RECIPIENT_SETTING, definition.recipient());
		}
		return RegisteredClient.withId(id)
			.clientId(id)
			.clientSecret(definition.secret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(settings.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(accessTokenTtl)
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.build())
			.build();
	}

	/**
	 * The gateway's login client. It has no recipient or roles of its own: a person's tokens carry the person's.
	 * Refresh tokens are reused rather than rotated, so that the several requests a page makes at once may each
	 * renew an expired access token without invalidating one another's refresh token.
	 * @param publicBaseUrl the gateway's public base URL (the issuer), where the browser is sent back
	 */
	static RegisteredClient gateway(String secret, String publicBaseUrl, Duration accessTokenTtl,
			Duration refreshTokenTtl) {
		requireEncodedSecret(GatewayClient.ID, secret);
		String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
		return RegisteredClient.withId(GatewayClient.ID)
			.clientId(GatewayClient.ID)
			.clientSecret(secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUri(base + GatewayClient.CALLBACK_PATH)
			.postLogoutRedirectUri(base + GatewayClient.AFTER_LOGOUT_PATH)
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(accessTokenTtl)
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.refreshTokenTimeToLive(refreshTokenTtl)
				.reuseRefreshTokens(true)
				.build())
			.build();
	}

	private static void requireEncodedSecret(String id, String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("Client " + id + ": a secret is required");
		}
		if (!ENCODED_SECRET.matcher(secret).matches()) {
			throw new IllegalArgumentException(
					"Client " + id + ": the secret must be stored encoded, e.g. {bcrypt}$2a$10$...");
		}
	}

}
