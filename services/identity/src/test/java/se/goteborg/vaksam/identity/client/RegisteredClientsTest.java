package se.goteborg.vaksam.identity.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import se.goteborg.vaksam.identity.token.TokenClaims;

class RegisteredClientsTest {

	private static final Duration TTL = Duration.ofMinutes(15);

	@Test
	void demoClientsAreConfidentialClientCredentialsClientsWithTheirClaims() {
		List<RegisteredClient> clients = RegisteredClients.from(DemoClients.definitions(), TTL);

		assertThat(clients).extracting(RegisteredClient::getClientId)
			.containsExactly("police-demo", "mika-demo", "social-children-demo", "region-coordinators-demo",
					"lettings-demo", "coordinator-demo", "auditor-demo");
		RegisteredClient police = clients.get(0);
		assertThat(police.getClientSecret()).isEqualTo("{noop}police-demo-secret");
		assertThat(police.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(police.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
		assertThat(police.getRedirectUris()).isEmpty();
		assertThat(police.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(TTL);
		assertThat((String) police.getClientSettings().getSetting(TokenClaims.RECIPIENT_SETTING)).isEqualTo("POLICE");
		assertThat((List<String>) police.getClientSettings().getSetting(TokenClaims.ROLES_SETTING))
			.containsExactly("RECIPIENT");

		RegisteredClient coordinator = clients.get(5);
		assertThat((String) coordinator.getClientSettings().getSetting(TokenClaims.RECIPIENT_SETTING)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "https://vaksam.example, https://vaksam.example", "https://vaksam.example/, https://vaksam.example",
			"http://localhost:18080, http://localhost:18080" })
	void theGatewayLogsPeopleInWithACodeAndPkceAndComesBackUnderThePublicBaseUrl(String publicBaseUrl,
			String base) {
		RegisteredClient gateway = RegisteredClients.gateway("{noop}s", publicBaseUrl, TTL, Duration.ofHours(8));

		assertThat(gateway.getClientId()).isEqualTo("vaksam-gateway");
		assertThat(gateway.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(gateway.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
				AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
		assertThat(gateway.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(gateway.getClientSettings().isRequireAuthorizationConsent()).isFalse();
		assertThat(gateway.getRedirectUris()).containsExactly(base + "/auth/code/vaksam");
		assertThat(gateway.getPostLogoutRedirectUris()).containsExactly(base + "/");
		assertThat(gateway.getScopes()).containsExactlyInAnyOrder("openid", "profile");
		assertThat(gateway.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(TTL);
		assertThat(gateway.getTokenSettings().getRefreshTokenTimeToLive()).isEqualTo(Duration.ofHours(8));
		assertThat(gateway.getTokenSettings().isReuseRefreshTokens()).isTrue();
		assertThat((Object) gateway.getClientSettings().getSetting(TokenClaims.ROLES_SETTING)).isNull();
	}

	@Test
	void theGatewaysSecretIsStoredEncodedToo() {
		assertThatThrownBy(() -> RegisteredClients.gateway("plain", "https://vaksam.example", TTL, TTL))
			.hasMessageContaining("encoded");
	}

	@Test
	void anApiClientCannotTakeTheGatewaysId() {
		List<RegisteredClient> clients = List.of(
				RegisteredClients.from(new ClientDefinition("vaksam-gateway", "{noop}s", null, List.of("COORDINATOR")),
						TTL),
				RegisteredClients.gateway("{noop}s", "https://vaksam.example", TTL, TTL));

		assertThatThrownBy(() -> RegisteredClients.unique(clients)).hasMessageContaining("unique");
	}

	@Test
	void plainTextSecretsAreRefused() {
		assertThatThrownBy(() -> RegisteredClients
			.from(new ClientDefinition("x", "plain", "POLICE", List.of("RECIPIENT")), TTL))
			.hasMessageContaining("encoded");
	}

	@Test
	void unknownRecipientIsRefused() {
		assertThatThrownBy(() -> RegisteredClients
			.from(new ClientDefinition("x", "{noop}s", "FIRE_BRIGADE", List.of("RECIPIENT")), TTL))
			.hasMessageContaining("recipient");
	}

	@Test
	void everyApiClientNeedsASecret() {
		assertThatThrownBy(
				() -> RegisteredClients.from(new ClientDefinition("x", null, "POLICE", List.of("RECIPIENT")), TTL))
			.hasMessageContaining("secret");
	}

	@Test
	void duplicateIdsAreRefused() {
		ClientDefinition one = new ClientDefinition("x", "{noop}s", null, List.of("COORDINATOR"));
		assertThatThrownBy(() -> RegisteredClients.from(List.of(one, one), TTL)).hasMessageContaining("unique");
	}

	@Test
	void lowerCaseRolesAreRefused() {
		assertThatThrownBy(() -> RegisteredClients
			.from(new ClientDefinition("x", "{noop}s", null, List.of("admin")), TTL))
			.hasMessageContaining("roles");
	}

}
