package se.goteborg.vaksam.gateway.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's login as a browser meets it, against a stub identity (its token and key endpoints, which the
 * gateway calls on the internal address) and stub services that tell which request reached them. The browser
 * side of identity (its login form) is stood in for by the test: it reads the authorization request and answers
 * on the callback with a code, as identity would after the person logged in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vaksam.gateway.login.client-secret=gateway-test-secret",
				"vaksam.security.issuer=" + LoginIT.PUBLIC_BASE })
class LoginIT {

	static final String PUBLIC_BASE = "http://localhost:8080";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RSAKey SIGNING_KEY = signingKey();

	private static final StubIdentity IDENTITY = new StubIdentity();

	private static final DisposableServer IDENTITY_SERVER = IDENTITY.start();

	private static final Map<String, DisposableServer> SERVICES = new LinkedHashMap<>();

	static {
		for (String service : new String[] { "tip-intake", "premises-risk", "alert-routing", "alert-inbox",
				"network-coordination" }) {
			SERVICES.put(service, echo(service));
		}
	}

	@LocalServerPort
	private int port;

	private Browser browser;

	@DynamicPropertySource
	static void serviceUris(DynamicPropertyRegistry registry) {
		registry.add("vaksam.gateway.identity-uri", () -> "http://127.0.0.1:" + IDENTITY_SERVER.port());
		SERVICES.forEach((service, server) -> registry.add("vaksam.gateway." + service + "-uri",
				() -> "http://127.0.0.1:" + server.port()));
	}

	@AfterAll
	static void stopStubs() {
		IDENTITY_SERVER.disposeNow();
		SERVICES.values().forEach(DisposableServer::disposeNow);
	}

	@BeforeEach
	void freshBrowser() {
		this.browser = new Browser(this.port);
		IDENTITY.reset();
	}

	@ParameterizedTest
	@CsvSource({ "/lettings, premises-risk", "/lettings/notices/p-1?lang=en, premises-risk",
			"/inbox/alerts, alert-inbox", "/network, network-coordination" })
	void aPageWithoutLoginGoesToIdentityWithPkceAndBackToThePageWithThePersonsToken(String page, String service)
			throws Exception {
		HttpResponse<String> toLogin = this.browser.get(page);

		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(toLogin.headers().firstValue("Location")).contains("/auth/authorize/vaksam");
		assertThat(toLogin.headers().firstValue("X-Stub")).isEmpty();
		String sessionBefore = this.browser.cookie(SessionCookieResolver.NAME);
		assertThat(sessionBefore).isNotNull();

		URI authorize = URI.create(this.browser.get("/auth/authorize/vaksam").headers().firstValue("Location")
			.orElseThrow());
		assertThat(authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath())
			.isEqualTo(PUBLIC_BASE + "/oauth2/authorize");
		Map<String, String> request = query(authorize);
		assertThat(request).containsEntry("response_type", "code")
			.containsEntry("client_id", "vaksam-gateway")
			.containsEntry("redirect_uri", PUBLIC_BASE + "/auth/code/vaksam")
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "nonce", "code_challenge");
		assertThat(request.get("scope").split(" ")).contains("openid");

		HttpResponse<String> back = this.browser.callback(request, "lettings-officer");
		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location")).contains(page);
		assertThat(this.browser.cookie(SessionCookieResolver.NAME)).as("a new session id after the login")
			.isNotNull()
			.isNotEqualTo(sessionBefore);
		StubIdentity.TokenRequest exchange = IDENTITY.tokenRequests.poll();
		assertThat(exchange.basicAuth()).isEqualTo("vaksam-gateway:gateway-test-secret");
		assertThat(exchange.form()).containsEntry("grant_type", "authorization_code")
			.containsEntry("redirect_uri", PUBLIC_BASE + "/auth/code/vaksam");
		assertThat(s256(exchange.form().get("code_verifier"))).isEqualTo(request.get("code_challenge"));

		HttpResponse<String> reached = this.browser.get(page, Map.of("Authorization", "Bearer forged-by-client",
				"Cookie", "lettings_csrf=c1"));
		assertThat(reached.statusCode()).isEqualTo(200);
		assertThat(reached.headers().firstValue("X-Stub")).contains(service);
		JsonNode seen = JSON.readTree(reached.body());
		assertThat(seen.get("uri").asString()).isEqualTo(page);
		assertThat(seen.get("authorization").asString()).isEqualTo("Bearer access-1");
		assertThat(seen.get("cookie").asString()).contains("lettings_csrf=c1").doesNotContain(SessionCookieResolver.NAME);
	}

	@Test
	void theSessionCookieIsHttpOnlySameSiteLaxForTheWholeHostAndSecureOverHttps() {
		String plain = this.browser.get("/lettings").headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(plain).startsWith(SessionCookieResolver.NAME + "=")
			.contains("; Path=/;")
			.containsIgnoringCase("; HttpOnly")
			.contains("; SameSite=Lax")
			.doesNotContainIgnoringCase("Secure");

		String behindTls = new Browser(this.port).get("/lettings", Map.of("X-Forwarded-Proto", "https"))
			.headers()
			.firstValue("Set-Cookie")
			.orElseThrow();
		assertThat(behindTls).contains("; Secure").containsIgnoringCase("; HttpOnly").contains("; SameSite=Lax");
	}

	@Test
	void withoutLoginAnythingButAPageReadIs401AndNeverReachesTheService() {
		for (String method : new String[] { "POST", "PUT", "DELETE" }) {
			HttpResponse<String> response = this.browser.send(method, "/lettings/notices/p-1/actions",
					Map.of("Authorization", "Bearer forged-by-client"));

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Location")).isEmpty();
			assertThat(response.headers().firstValue("X-Stub")).isEmpty();
		}
	}

	@Test
	void theApiAndTheIntakePagesKeepTheirOwnAuthorizationAndGetNoSession() {
		for (String path : new String[] { "/api/v1/lettings/notices", "/api/v1/alerts", "/intake/hotel",
				"/api/v1/tips/hotel" }) {
			HttpResponse<String> response = this.browser.get(path, Map.of("Authorization", "Bearer api-token"));

			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(JSON.readTree(response.body()).get("authorization").asString()).isEqualTo("Bearer api-token");
			assertThat(response.headers().firstValue("Set-Cookie")).as(path).isEmpty();
		}
	}

	@Test
	void anExpiringTokenIsRenewedBeforeItIsRelayed() {
		IDENTITY.accessTokenSeconds.set(30);
		this.browser.logIn("/lettings", "lettings-officer");
		IDENTITY.accessTokenSeconds.set(900);

		// Within the minute of clock skew, so renewed first; the renewed one lasts and is relayed.
		HttpResponse<String> renewed = this.browser.get("/lettings");

		assertThat(JSON.readTree(renewed.body()).get("authorization").asString()).isEqualTo("Bearer access-2");
		assertThat(IDENTITY.tokenRequests).singleElement().satisfies(refresh -> {
			assertThat(refresh.form()).containsEntry("grant_type", "refresh_token")
				.containsEntry("refresh_token", "refresh-1");
			assertThat(refresh.basicAuth()).isEqualTo("vaksam-gateway:gateway-test-secret");
		});
		assertThat(JSON.readTree(this.browser.get("/lettings/register").body()).get("authorization").asString())
			.isEqualTo("Bearer access-2");
	}

	@Test
	void whenTheTokenCannotBeRenewedAPageReadLogsInAgainAndComesBackToThePage() {
		IDENTITY.accessTokenSeconds.set(30);
		this.browser.logIn("/lettings", "lettings-officer");
		IDENTITY.refreshRefused.set(true);

		HttpResponse<String> read = this.browser.get("/lettings/notices/p-1");

		assertThat(read.statusCode()).isEqualTo(302);
		assertThat(read.headers().firstValue("Location")).contains("/auth/authorize/vaksam");
		assertThat(read.headers().firstValue("X-Stub")).isEmpty();
		HttpResponse<String> back = this.browser.callback(query(URI.create(
				this.browser.get("/auth/authorize/vaksam").headers().firstValue("Location").orElseThrow())),
				"lettings-officer");
		assertThat(back.headers().firstValue("Location")).contains("/lettings/notices/p-1");
	}

	@Test
	void whenTheTokenCannotBeRenewedAFormPostIs401AndNeverReachesTheService() {
		IDENTITY.accessTokenSeconds.set(30);
		this.browser.logIn("/lettings", "lettings-officer");
		IDENTITY.refreshRefused.set(true);

		HttpResponse<String> write = this.browser.send("POST", "/lettings/notices/p-1/actions", Map.of());

		assertThat(write.statusCode()).isEqualTo(401);
		assertThat(write.headers().firstValue("X-Stub")).isEmpty();
	}

	@Test
	void logoutEndsTheGatewaySessionAndSendsTheBrowserToIdentitysLogout() {
		this.browser.logIn("/inbox", "police-officer");

		HttpResponse<String> loggedOut = this.browser.send("POST", "/auth/logout", Map.of("Origin", PUBLIC_BASE));

		assertThat(loggedOut.statusCode()).isEqualTo(302);
		URI endSession = URI.create(loggedOut.headers().firstValue("Location").orElseThrow());
		assertThat(endSession.getScheme() + "://" + endSession.getAuthority() + endSession.getPath())
			.isEqualTo(PUBLIC_BASE + "/connect/logout");
		assertThat(query(endSession)).containsEntry("id_token_hint", IDENTITY.lastIdToken.get())
			.containsEntry("post_logout_redirect_uri", PUBLIC_BASE + "/");
		assertThat(loggedOut.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith(SessionCookieResolver.NAME + "=").contains("Max-Age=0"));
		assertThat(this.browser.get("/inbox").statusCode()).isEqualTo(302);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", value = { "http://localhost:8080 | -",
			"http://localhost:8080 | same-origin", "null | same-origin", "- | same-origin" })
	void vaksamsOwnPagesLogOutAlsoWhenTheirReferrerPolicyHidesTheOrigin(String origin, String fetchSite) {
		this.browser.logIn("/lettings", "lettings-officer");
		Map<String, String> headers = new LinkedHashMap<>();
		if (origin != null) {
			headers.put("Origin", origin);
		}
		if (fetchSite != null) {
			headers.put("Sec-Fetch-Site", fetchSite);
		}

		HttpResponse<String> loggedOut = this.browser.send("POST", "/auth/logout", headers);

		assertThat(loggedOut.statusCode()).isEqualTo(302);
		assertThat(loggedOut.headers().firstValue("Location").orElseThrow()).startsWith(PUBLIC_BASE + "/connect/logout?");
		assertThat(this.browser.get("/lettings").statusCode()).isEqualTo(302);
	}

	@Test
	void logoutWithoutALoginLandsOnTheStartPage() {
		HttpResponse<String> response = this.browser.send("POST", "/auth/logout",
				Map.of("Sec-Fetch-Site", "same-origin"));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).contains("/");
		assertThat(IDENTITY.tokenRequests).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", value = { "https://evil.example | -",
			"https://evil.example | cross-site", "http://localhost:8080 | cross-site", "null | same-site",
			"http://localhost:8080.evil.example | -", "https://localhost:8080 | -", "null | -", "- | cross-site",
			"- | same-site", "- | none", "- | -" })
	void aLogoutNotAskedForByVaksamsOwnPagesIsRefusedAndTheLoginStays(String origin, String fetchSite) {
		this.browser.logIn("/network", "coordinator");
		Map<String, String> headers = new LinkedHashMap<>();
		if (origin != null) {
			headers.put("Origin", origin);
		}
		if (fetchSite != null) {
			headers.put("Sec-Fetch-Site", fetchSite);
		}

		HttpResponse<String> refused = this.browser.send("POST", "/auth/logout", headers);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
		HttpResponse<String> stillIn = this.browser.get("/network");
		assertThat(stillIn.statusCode()).isEqualTo(200);
		assertThat(stillIn.headers().firstValue("X-Stub")).contains("network-coordination");
	}

	@Test
	void aCallbackThatDoesNotMatchTheLoginIsRefused() {
		this.browser.get("/lettings");
		Map<String, String> request = query(URI.create(
				this.browser.get("/auth/authorize/vaksam").headers().firstValue("Location").orElseThrow()));
		request.put("state", "not-the-state-the-gateway-sent");

		HttpResponse<String> response = this.browser.callback(request, "lettings-officer");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(IDENTITY.tokenRequests).isEmpty();
		assertThat(this.browser.get("/lettings").statusCode()).isEqualTo(302);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach((name, list) -> values.put(name,
				URLDecoder.decode(list.get(0), StandardCharsets.UTF_8)));
		return values;
	}

	private static String s256(String verifier) throws NoSuchAlgorithmException {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(
				MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	private static RSAKey signingKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("test-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A service that answers every request with what reached it. */
	private static DisposableServer echo(String service) {
		return HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			Map<String, Object> seen = new LinkedHashMap<>();
			seen.put("method", request.method().name());
			seen.put("uri", request.uri());
			seen.put("authorization", String.valueOf(request.requestHeaders().get("Authorization")));
			seen.put("cookie", String.join("; ", request.requestHeaders().getAll("Cookie")));
			return response.status(200)
				.header("X-Stub", service)
				.header("Content-Type", "application/json")
				.sendString(Mono.just(JSON.writeValueAsString(seen)))
				.then();
		}).bindNow();
	}

	/**
	 * A browser without JavaScript: keeps cookies, follows no redirect by itself. Each request goes on a new
	 * connection: Reactor Netty 1.3.6 can stop reading a keep-alive connection whose next request arrives before
	 * the previous exchange has ended on the server (reactor/reactor-netty#4361), which a client this fast
	 * provokes; browsers, which pause between a redirect and its follow-up, hardly ever do.
	 */
	private static final class Browser {

		private final String base;

		private final CookieManager cookies = new CookieManager();

		Browser(int port) {
			this.base = "http://localhost:" + port;
		}

		HttpResponse<String> get(String path) {
			return get(path, Map.of());
		}

		HttpResponse<String> get(String path, Map<String, String> headers) {
			return send("GET", path, headers);
		}

		HttpResponse<String> send(String method, String path, Map<String, String> headers) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, HttpRequest.BodyPublishers.noBody());
			headers.forEach(request::header);
			try {
				return HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.cookieHandler(this.cookies)
					.followRedirects(HttpClient.Redirect.NEVER)
					.build()
					.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/** What identity does once the person has logged in: back to the callback with a code and the state. */
		HttpResponse<String> callback(Map<String, String> authorizationRequest, String username) {
			String code = IDENTITY.issueCode(username, authorizationRequest.get("nonce"));
			URI redirect = URI.create(authorizationRequest.get("redirect_uri"));
			return get(redirect.getPath() + "?code=" + code + "&state=" + authorizationRequest.get("state"));
		}

		void logIn(String page, String username) {
			get(page);
			Map<String, String> request = query(
					URI.create(get("/auth/authorize/vaksam").headers().firstValue("Location").orElseThrow()));
			HttpResponse<String> back = callback(request, username);
			assertThat(back.statusCode()).isEqualTo(302);
			IDENTITY.tokenRequests.clear();
		}

		String cookie(String name) {
			return this.cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
				.map(cookie -> cookie.getValue()).findFirst().orElse(null);
		}

	}

	/** identity's token and key endpoints, as the gateway reaches them on the internal address. */
	private static final class StubIdentity {

		record TokenRequest(String basicAuth, Map<String, String> form) {
		}

		final Queue<TokenRequest> tokenRequests = new ConcurrentLinkedQueue<>();

		final AtomicInteger accessTokenSeconds = new AtomicInteger(900);

		final AtomicBoolean refreshRefused = new AtomicBoolean();

		final AtomicReference<String> lastIdToken = new AtomicReference<>();

		private final Map<String, String[]> codes = new ConcurrentHashMap<>();

		private final AtomicInteger accessTokens = new AtomicInteger();

		void reset() {
			this.tokenRequests.clear();
			this.accessTokenSeconds.set(900);
			this.refreshRefused.set(false);
			this.accessTokens.set(0);
		}

		String issueCode(String username, String nonce) {
			String code = "code-" + this.codes.size() + "-" + username;
			this.codes.put(code, new String[] { username, nonce });
			return code;
		}

		DisposableServer start() {
			return HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
				.get("/oauth2/jwks", (request, response) -> json(response, 200,
						new JWKSet(SIGNING_KEY.toPublicJWK()).toString()))
				.post("/oauth2/token", this::token)).bindNow();
		}

		private Mono<Void> token(HttpServerRequest request, HttpServerResponse response) {
			String authorization = request.requestHeaders().get("Authorization");
			return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
				Map<String, String> form = new LinkedHashMap<>();
				for (String pair : body.split("&")) {
					String[] parts = pair.split("=", 2);
					form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
							parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
				}
				String basic = authorization != null && authorization.startsWith("Basic ")
						? new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
						: null;
				this.tokenRequests.add(new TokenRequest(basic, form));
				if ("refresh_token".equals(form.get("grant_type"))) {
					if (this.refreshRefused.get()) {
						return json(response, 400, "{\"error\":\"invalid_grant\"}");
					}
					return json(response, 200, tokens(null, null));
				}
				String[] login = this.codes.remove(form.get("code"));
				if (login == null) {
					return json(response, 400, "{\"error\":\"invalid_grant\"}");
				}
				return json(response, 200, tokens(login[0], login[1]));
			});
		}

		private String tokens(String username, String nonce) {
			Map<String, Object> tokens = new LinkedHashMap<>();
			tokens.put("access_token", "access-" + this.accessTokens.incrementAndGet());
			tokens.put("token_type", "Bearer");
			tokens.put("expires_in", this.accessTokenSeconds.get());
			tokens.put("refresh_token", "refresh-1");
			tokens.put("scope", "openid profile");
			if (username != null) {
				String idToken = idToken(username, nonce);
				this.lastIdToken.set(idToken);
				tokens.put("id_token", idToken);
			}
			return JSON.writeValueAsString(tokens);
		}

		private static String idToken(String username, String nonce) {
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(PUBLIC_BASE)
				.subject(username)
				.audience(List.of("vaksam-gateway"))
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(1800)))
				.claim("nonce", nonce)
				.claim("sid", "identity-session-1")
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING_KEY.getKeyID()).build(),
					claims);
			try {
				jwt.sign(new RSASSASigner(SIGNING_KEY));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

		private static Mono<Void> json(HttpServerResponse response, int status, String body) {
			return response.status(status)
				.header("Content-Type", "application/json")
				.sendString(Mono.just(body))
				.then();
		}

	}

}
