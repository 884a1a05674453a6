package se.goteborg.vaksam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.goteborg.vaksam.identity.twofactor.TwoFactorKeysetGenerator;

/** Production-like set-up: no demo, clients and signing key from configuration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vaksam.demo.enabled=false", "vaksam.security.issuer=https://vaksam.example" })
class ConfiguredClientsIT {

	private static final KeyPair KEY_PAIR = generate();

	@LocalServerPort
	private int port;

	private TokenClient client;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		// A list binds from one property source only, so the whole client entry is set here.
		registry.add("vaksam.identity.clients[0].id", () -> "police-system");
		registry.add("vaksam.identity.clients[0].recipient", () -> "POLICE");
		registry.add("vaksam.identity.clients[0].roles", () -> "RECIPIENT");
		registry.add("vaksam.identity.clients[0].secret",
				() -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("s3cret-from-vault"));
		registry.add("vaksam.identity.signing-key-path", ConfiguredClientsIT::writePem);
		registry.add("vaksam.identity.gateway-client-secret",
				() -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("gateway-s3cret"));
		// Outside the demo the second factor needs a keyset of its own, and its store.
		String keyset = TwoFactorKeysetGenerator.generate();
		String database = TestStore.database("identity-configured");
		registry.add("vaksam.identity.two-factor.keyset", () -> keyset);
		registry.add("vaksam.mongo.uri", TestStore::uri);
		registry.add("vaksam.mongo.database", () -> database);
	}

	@BeforeEach
	void client() {
		this.client = new TokenClient(this.port);
	}

	@Test
	void configuredClientGetsATokenSignedWithTheConfiguredKey() throws JOSEException {
		HttpResponse<String> response = this.client.clientCredentials("police-system", "s3cret-from-vault");

		assertThat(response.statusCode()).isEqualTo(200);
		Jwt jwt = this.client.decode(TokenClient.json(response).get("access_token").asString(),
				"https://vaksam.example");
		assertThat(jwt.getClaimAsString("recipient")).isEqualTo("POLICE");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("RECIPIENT");
		String expectedKeyId = new RSAKey.Builder((RSAPublicKey) KEY_PAIR.getPublic()).build()
			.computeThumbprint()
			.toString();
		assertThat(jwt.getHeaders()).containsEntry("kid", expectedKeyId);
	}

	@Test
	void theGatewaysLoginClientUsesTheConfiguredSecretAndThePublicBaseUrl() {
		String authorize = "/oauth2/authorize?" + TokenClient.encode(Map.of("response_type", "code", "client_id",
				"vaksam-gateway", "redirect_uri", "https://vaksam.example/auth/code/vaksam", "scope", "openid"));

		HttpResponse<String> response = this.client.get(authorize, "text/html");

		// Known client, registered callback: PKCE is missing, so the error goes back to the gateway's callback.
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow())
			.startsWith("https://vaksam.example/auth/code/vaksam?")
			.contains("error=invalid_request");
		assertThat(this.client.token("vaksam-gateway", "vaksam-gateway-secret",
				Map.of("grant_type", "refresh_token", "refresh_token", "x")).statusCode()).isEqualTo(401);
		assertThat(this.client.token("vaksam-gateway", "gateway-s3cret",
				Map.of("grant_type", "refresh_token", "refresh_token", "x")).statusCode()).isEqualTo(400);
	}

	@Test
	void demoClientsAndUsersDoNotExist() {
		assertThat(this.client.clientCredentials("police-demo", "police-demo-secret").statusCode()).isEqualTo(401);
		assertThat(this.client.clientCredentials("police-system", "police-demo-secret").statusCode())
			.isEqualTo(401);
	}

	private static String writePem() {
		try {
			Path pem = Files.createTempFile("identity-signing", ".pem");
			pem.toFile().deleteOnExit();
			String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEY_PAIR.getPrivate().getEncoded());
			Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
			return pem.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
