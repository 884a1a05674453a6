package se.goteborg.vaksam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/** The gateway in front of one stub server per service, each telling what request reached it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vaksam.gateway.login.client-secret=gateway-test-secret")
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, DisposableServer> STUBS = new LinkedHashMap<>();

	static {
		for (String service : new String[] { "identity", "tip-intake", "premises-risk", "alert-routing",
				"alert-inbox", "network-coordination" }) {
			STUBS.put(service, stub(service));
		}
	}

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@DynamicPropertySource
	static void serviceUris(DynamicPropertyRegistry registry) {
		STUBS.forEach((service, server) -> registry.add("vaksam.gateway." + service + "-uri",
				() -> "http://127.0.0.1:" + server.port()));
	}

	@AfterAll
	static void stopStubs() {
		STUBS.values().forEach(DisposableServer::disposeNow);
	}

	@BeforeEach
	void client() {
		// Generous: the build machine may run several test suites at once.
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@ParameterizedTest
	@CsvSource({ "/oauth2/token, identity", "/oauth2/jwks, identity", "/.well-known/openid-configuration, identity",
			"/login, identity", "/login/oauth2/code/x, identity", "/logout, identity", "/userinfo, identity",
			"/connect/logout, identity", "/login/code, identity", "/account/two-factor, identity",
			"/api/v1/tips/hotel, tip-intake", "/api/v1/receipts/ABCD-1234, tip-intake", "/intake/hotel, tip-intake",
			"/api/v1/openapi.yaml, tip-intake",
			"/api/v1/lettings/register, premises-risk", "/api/v1/routing/rules, alert-routing",
			"/api/v1/alerts, alert-inbox", "/api/v1/alerts/a-1/acknowledge, alert-inbox",
			"/api/v1/webhooks, alert-inbox", "/api/v1/webhooks/w-1/deliveries, alert-inbox",
			"/api/v1/network/statistics, network-coordination", "/api/v1/members/m-1, network-coordination" })
	void eachPathReachesItsServiceUnchanged(String path, String service) {
		this.client.get()
			.uri(path + "?page=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Stub", service)
			// No login and no session outside the people's pages.
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE)
			.expectBody()
			.jsonPath("$.uri")
			.isEqualTo(path + "?page=2");
	}

	@Test
	void authorizationHostAndBodyPassThrough() {
		this.client.post()
			.uri("/api/v1/tips/hotel")
			.header(HttpHeaders.AUTHORIZATION, "Bearer demo-hotel-key")
			.header("Idempotency-Key", "k-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"suspectedMinor\":\"NO\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("X-Stub", "tip-intake")
			.expectBody()
			.jsonPath("$.method")
			.isEqualTo("POST")
			.jsonPath("$.authorization")
			.isEqualTo("Bearer demo-hotel-key")
			.jsonPath("$.idempotencyKey")
			.isEqualTo("k-1")
			.jsonPath("$.host")
			.isEqualTo("localhost:" + this.port)
			.jsonPath("$.body")
			.isEqualTo("{\"suspectedMinor\":\"NO\"}");
	}

	@Test
	void basicAuthReachesIdentity() {
		this.client.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("police-demo", "police-demo-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.exchange()
			.expectHeader()
			.valueEquals("X-Stub", "identity")
			.expectBody()
			.jsonPath("$.authorization")
			.isEqualTo("Basic cG9saWNlLWRlbW86cG9saWNlLWRlbW8tc2VjcmV0")
			.jsonPath("$.body")
			.isEqualTo("grant_type=client_credentials");
	}

	@Test
	void forwardedHeadersFromClientsAreNotTrusted() {
		this.client.get()
			.uri("/login")
			.header("X-Forwarded-Host", "evil.example")
			.header("Forwarded", "host=evil.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.forwarded")
			.isEqualTo("")
			.jsonPath("$.xForwardedHost")
			.isEqualTo("");
	}

	@Test
	void theBareAddressLeadsToTheIntakeStartPage() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/intake")
			.expectHeader()
			.doesNotExist("X-Stub");
	}

	@Test
	void unknownPathsAreNotForwarded() {
		for (String path : new String[] { "/api/v2/tips", "/inboxes" }) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.doesNotExist("X-Stub")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(404);
		}
	}

	@Test
	void intakeAloneLearnsTheClientsAddressAndNeverTheOneAClientClaims() {
		for (String path : new String[] { "/api/v1/tips/hotel", "/intake/receipt", "/api/v1/receipts/VK-1" }) {
			this.client.get()
				.uri(path)
				.header("X-Forwarded-For", "203.0.113.77")
				.exchange()
				.expectBody()
				.jsonPath("$.xForwardedFor")
				.isEqualTo("127.0.0.1");
		}
		this.client.get()
			.uri("/api/v1/alerts")
			.header("X-Forwarded-For", "203.0.113.77")
			.exchange()
			.expectBody()
			.jsonPath("$.xForwardedFor")
			.isEqualTo("");
	}

	@Test
	void noPathOrAddressIsLogged(CapturedOutput output) {
		String canary = "VK-CANARY-" + System.nanoTime();
		this.client.get().uri("/api/v1/receipts/" + canary).header("X-Forwarded-For", "203.0.113.78").exchange();
		this.client.get().uri("/api/v2/" + canary).header("X-Forwarded-For", "203.0.113.78").exchange();

		assertThat(output.getAll()).doesNotContain(canary).doesNotContain("203.0.113.78");
		// -Dreactor.netty.http.server.accessLogEnabled=true would log every address and path (receipt codes).
		assertThat(LoggerFactory.getLogger("reactor.netty.http.server.AccessLog").isErrorEnabled()).isFalse();
	}

	@Test
	void healthIsTheGatewaysOwn() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("X-Stub")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	private static DisposableServer stub(String service) {
		return HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive()
				.aggregate()
				.asString()
				.defaultIfEmpty("")
				.flatMap(body -> {
					Map<String, Object> seen = new LinkedHashMap<>();
					seen.put("method", request.method().name());
					seen.put("uri", request.uri());
					seen.put("host", header(request.requestHeaders().get("Host")));
					seen.put("authorization", header(request.requestHeaders().get("Authorization")));
					seen.put("idempotencyKey", header(request.requestHeaders().get("Idempotency-Key")));
					seen.put("xForwardedHost", header(request.requestHeaders().get("X-Forwarded-Host")));
					seen.put("forwarded", header(request.requestHeaders().get("Forwarded")));
					seen.put("xForwardedFor", String.join(",", request.requestHeaders().getAll("X-Forwarded-For")));
					seen.put("body", body);
					return response.status("POST".equals(request.method().name()) && !request.uri().startsWith("/oauth2")
							? 201 : 200)
						.header("X-Stub", service)
						.header("Content-Type", "application/json")
						.sendString(Mono.just(JSON.writeValueAsString(seen)))
						.then();
				}))
			.bindNow();
	}

	private static String header(String value) {
		return value != null ? value : "";
	}

}
