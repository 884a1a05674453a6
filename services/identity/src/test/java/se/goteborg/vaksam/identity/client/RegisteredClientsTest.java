package se.goteborg.vaksam.identity.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import se.goteborg.vaksam.identity.token.TokenClaims;

class RegisteredClientsTest {

	private static final Duration TTL = Duration.ofMinutes(15);

	@Test
	void demoClientsAreConfidentialClientCredentialsClientsWithTheirClaims() {
		List<RegisteredClient> clients = RegisteredClients.from(DemoClients.definitions(List.of("http://localhost/cb")),
				TTL);

		assertThat(clients).extracting(RegisteredClient::getClientId)
			.containsExactly("police-demo", "mika-demo", "social-children-demo", "region-coordinators-demo",
					"lettings-demo", "coordinator-demo", "vaksam-web-demo");
		RegisteredClient police = clients.get(0);
		assertThat(police.getClientSecret()).isEqualTo("{noop}police-demo-secret");
		assertThat(police.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(police.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
		assertThat(police.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(TTL);
		assertThat((String) police.getClientSettings().getSetting(TokenClaims.RECIPIENT_SETTING)).isEqualTo("POLICE");
		assertThat((List<String>) police.getClientSettings().getSetting(TokenClaims.ROLES_SETTING))
			.containsExactly("RECIPIENT");

		RegisteredClient coordinator = clients.get(5);
		assertThat((String) coordinator.getClientSettings().getSetting(TokenClaims.RECIPIENT_SETTING)).isNull();

		RegisteredClient web = clients.get(6);
		assertThat(web.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
		assertThat(web.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(web.getAuthorizationGrantTypes()).contains(AuthorizationGrantType.AUTHORIZATION_CODE)
			.doesNotContain(AuthorizationGrantType.CLIENT_CREDENTIALS);
	}

	@Test
	void plainTextSecretsAreRefused() {
		assertThatThrownBy(() -> RegisteredClients
			.from(new ClientDefinition("x", "plain", "POLICE", List.of("RECIPIENT"), List.of()), TTL))
			.hasMessageContaining("encoded");
	}

	@Test
	void unknownRecipientIsRefused() {
		assertThatThrownBy(() -> RegisteredClients
			.from(new ClientDefinition("x", "{noop}s", "FIRE_BRIGADE", List.of("RECIPIENT"), List.of()), TTL))
			.hasMessageContaining("recipient");
	}

	@Test
	void publicClientNeedsRedirectUris() {
		assertThatThrownBy(
				() -> RegisteredClients.from(new ClientDefinition("x", null, null, List.of(), List.of()), TTL))
			.hasMessageContaining("redirect-uris");
	}

	@Test
	void duplicateIdsAreRefused() {
		ClientDefinition one = new ClientDefinition("x", "{noop}s", null, List.of("COORDINATOR"), List.of());
		assertThatThrownBy(() -> RegisteredClients.from(List.of(one, one), TTL)).hasMessageContaining("unique");
	}

	@Test
	void lowerCaseRolesAreRefused() {
		assertThatThrownBy(() -> RegisteredClients
			.from(new ClientDefinition("x", "{noop}s", null, List.of("admin"), List.of()), TTL))
			.hasMessageContaining("roles");
	}

}
