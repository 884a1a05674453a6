package se.goteborg.vaksam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vaksam.demo.enabled=true")
class IdentityIT {

	private static final String ISSUER = "http://localhost:8080";

	private static final String GATEWAY = "vaksam-gateway";

	private static final String GATEWAY_SECRET = "vaksam-gateway-secret";

	private static final String CALLBACK = ISSUER + "/auth/code/vaksam";

	@LocalServerPort
	private int port;

	private TokenClient client;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("vaksam.mongo.uri", TestStore::uri);
		String database = TestStore.database("identity-it");
		registry.add("vaksam.mongo.database", () -> database);
	}

	@BeforeEach
	void client() {
		this.client = new TokenClient(this.port);
	}

	@Test
	void policeDemoGetsASignedTokenWithItsRecipientAndRoles() {
		HttpResponse<String> response = this.client.clientCredentials("police-demo", "police-demo-secret");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = TokenClient.json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isBetween(899L, 900L);

		Jwt jwt = this.client.decode(body.get("access_token").asString(), ISSUER);
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
		assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
		assertThat(jwt.getSubject()).isEqualTo("police-demo");
		assertThat(jwt.getClaimAsString("recipient")).isEqualTo("POLICE");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("RECIPIENT");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
	}

	@ParameterizedTest
	@CsvSource({ "mika-demo, MIKAMOTTAGNINGEN, RECIPIENT", "social-children-demo, SOCIAL_SERVICES_CHILDREN, RECIPIENT",
			"region-coordinators-demo, REGION_COORDINATORS, RECIPIENT", "lettings-demo, LETTINGS_GROUP, RECIPIENT LETTINGS",
			"coordinator-demo, , COORDINATOR", "auditor-demo, , AUDITOR" })
	void everyDemoClientCarriesItsRecipientAndRoles(String clientId, String recipient, String roles) {
		HttpResponse<String> response = this.client.clientCredentials(clientId, clientId + "-secret");

		assertThat(response.statusCode()).isEqualTo(200);
		Jwt jwt = this.client.decode(TokenClient.json(response).get("access_token").asString(), ISSUER);
		assertThat(jwt.getClaimAsString("recipient")).isEqualTo(recipient);
		assertThat(jwt.hasClaim("recipient")).isEqualTo(recipient != null);
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly(roles.split(" "));
	}

	@Test
	void wrongSecretIsRefused() {
		HttpResponse<String> response = this.client.clientCredentials("police-demo", "mika-demo-secret");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(TokenClient.json(response).get("error").asString()).isEqualTo("invalid_client");
		assertThat(response.body()).doesNotContain("access_token");
	}

	@Test
	void unknownClientIsRefused() {
		assertThat(this.client.clientCredentials("nobody", "nobody-secret").statusCode()).isEqualTo(401);
	}

	@Test
	void discoveryNamesThePublicBaseUrl() {
		HttpResponse<String> response = this.client.get("/.well-known/openid-configuration", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode metadata = TokenClient.json(response);
		assertThat(metadata.get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(metadata.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
		assertThat(metadata.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
	}

	@Test
	void keySetAndHealthAreOpen() {
		HttpResponse<String> keys = this.client.get("/oauth2/jwks", "application/json");
		assertThat(keys.statusCode()).isEqualTo(200);
		assertThat(TokenClient.json(keys).get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
		assertThat(keys.body()).doesNotContain("\"d\"");

		assertThat(this.client.get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
	}

	@Test
	void aPersonLogsInThroughTheGatewayWithPkceAndTheTokensCarryTheirRecipientAndRoles()
			throws NoSuchAlgorithmException {
		String verifier = randomUrlSafe();
		URI callback = logIn("lettings-officer", challenge(verifier));
		Map<String, List<String>> query = UriComponentsBuilder.fromUri(callback).build().getQueryParams();
		assertThat(query.get("state")).containsExactly("s1");

		HttpResponse<String> token = this.client.token(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "authorization_code", "code", query.get("code").get(0), "redirect_uri",
						CALLBACK, "code_verifier", verifier));
		assertThat(token.statusCode()).isEqualTo(200);
		JsonNode body = TokenClient.json(token);
		Jwt access = this.client.decode(body.get("access_token").asString(), ISSUER);
		assertThat(access.getSubject()).isEqualTo("lettings-officer");
		assertThat(access.getClaimAsString("recipient")).isEqualTo("LETTINGS_GROUP");
		assertThat(access.getClaimAsStringList("roles")).containsExactlyInAnyOrder("RECIPIENT", "LETTINGS");
		Jwt id = this.client.decode(body.get("id_token").asString(), ISSUER);
		assertThat(id.getSubject()).isEqualTo("lettings-officer");
		assertThat(id.getAudience()).containsExactly(GATEWAY);
		assertThat(id.getClaimAsString("nonce")).isEqualTo("n1");

		HttpResponse<String> refreshed = this.client.token(GATEWAY, GATEWAY_SECRET,
				Map.of("grant_type", "refresh_token", "refresh_token", body.get("refresh_token").asString()));
		assertThat(refreshed.statusCode()).isEqualTo(200);
		Jwt renewed = this.client.decode(TokenClient.json(refreshed).get("access_token").asString(), ISSUER);
		assertThat(renewed.getSubject()).isEqualTo("lettings-officer");
		assertThat(renewed.getClaimAsString("recipient")).isEqualTo("LETTINGS_GROUP");
		assertThat(renewed.getClaimAsStringList("roles")).containsExactlyInAnyOrder("RECIPIENT", "LETTINGS");
	}

	@Test
	void theCodeIsWorthNothingWithoutTheVerifierOrTheSecret() throws NoSuchAlgorithmException {
		String verifier = randomUrlSafe();
		String code = UriComponentsBuilder.fromUri(logIn("police-officer", challenge(verifier)))
			.build()
			.getQueryParams()
			.getFirst("code");

		assertThat(this.client.token(GATEWAY, "wrong-secret", Map.of("grant_type", "authorization_code", "code",
				code, "redirect_uri", CALLBACK, "code_verifier", verifier)).statusCode()).isEqualTo(401);
		assertThat(this.client.token(GATEWAY, GATEWAY_SECRET, Map.of("grant_type", "authorization_code", "code",
				code, "redirect_uri", CALLBACK, "code_verifier", randomUrlSafe())).statusCode()).isEqualTo(400);
	}

	@Test
	void theGatewayCannotSkipPkce() {
		Map<String, String> authorize = Map.of("response_type", "code", "client_id", GATEWAY, "redirect_uri",
				CALLBACK, "scope", "openid");
		HttpResponse<String> response = this.client.get("/oauth2/authorize?" + TokenClient.encode(authorize),
				"text/html");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response).toString()).startsWith(CALLBACK + "?")
			.contains("error=invalid_request")
			.doesNotContain("code=");
	}

	@Test
	void theBrowserIsSentBackToTheGatewaysCallbackOnly() throws NoSuchAlgorithmException {
		logIn("police-officer", challenge(randomUrlSafe()));
		Map<String, String> authorize = Map.of("response_type", "code", "client_id", GATEWAY, "redirect_uri",
				ISSUER + "/lettings/login/oauth2/code/vaksam", "scope", "openid", "code_challenge",
				challenge(randomUrlSafe()), "code_challenge_method", "S256");
		HttpResponse<String> response = this.client.get("/oauth2/authorize?" + TokenClient.encode(authorize),
				"text/html");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void loggingOutWithTheIdTokenEndsTheLoginAndLandsOnThePublicStartPage() throws NoSuchAlgorithmException {
		String verifier = randomUrlSafe();
		String code = UriComponentsBuilder.fromUri(logIn("mika-worker", challenge(verifier)))
			.build()
			.getQueryParams()
			.getFirst("code");
		String idToken = TokenClient.json(this.client.token(GATEWAY, GATEWAY_SECRET, Map.of("grant_type",
				"authorization_code", "code", code, "redirect_uri", CALLBACK, "code_verifier", verifier)))
			.get("id_token")
			.asString();

		HttpResponse<String> loggedOut = this.client.get("/connect/logout?" + TokenClient.encode(
				Map.of("id_token_hint", idToken, "post_logout_redirect_uri", ISSUER + "/")), "text/html");

		assertThat(loggedOut.statusCode()).isEqualTo(302);
		assertThat(location(loggedOut).toString()).isEqualTo(ISSUER + "/");
		HttpResponse<String> again = this.client.get(authorizePath(challenge(randomUrlSafe())), "text/html");
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(location(again).getPath()).isEqualTo("/login");
	}

	/** Logs the person in at identity's form, as the browser would; returns where identity sends it back. */
	private URI logIn(String username, String challenge) {
		HttpResponse<String> toLogin = this.client.get(authorizePath(challenge), "text/html");
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(location(toLogin).getPath()).isEqualTo("/login");

		HttpResponse<String> loginPage = this.client.get("/login", "text/html");
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> loggedIn = this.client.postForm("/login",
				Map.of("username", username, "password", "demo", "_csrf", csrf.group(1)));
		assertThat(loggedIn.statusCode()).isEqualTo(302);

		HttpResponse<String> backToClient = this.client.get(location(loggedIn).toString(), "text/html");
		assertThat(backToClient.statusCode()).isEqualTo(302);
		URI callback = location(backToClient);
		assertThat(callback.toString()).startsWith(CALLBACK + "?");
		return callback;
	}

	private static String authorizePath(String challenge) {
		Map<String, String> authorize = new LinkedHashMap<>();
		authorize.put("response_type", "code");
		authorize.put("client_id", GATEWAY);
		authorize.put("redirect_uri", CALLBACK);
		authorize.put("scope", "openid profile");
		authorize.put("state", "s1");
		authorize.put("nonce", "n1");
		authorize.put("code_challenge", challenge);
		authorize.put("code_challenge_method", "S256");
		return "/oauth2/authorize?" + TokenClient.encode(authorize);
	}

	private static String challenge(String verifier) throws NoSuchAlgorithmException {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	private URI location(HttpResponse<String> response) {
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
		return location.isAbsolute() ? location : URI.create(this.client.baseUrl()).resolve(location);
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
