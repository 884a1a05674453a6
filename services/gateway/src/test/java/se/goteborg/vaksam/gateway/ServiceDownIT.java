package se.goteborg.vaksam.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every service address points at a port nobody listens on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "vaksam.gateway.login.client-secret=gateway-test-secret")
class ServiceDownIT {

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void serviceUris(DynamicPropertyRegistry registry) {
		int closed = closedPort();
		for (String service : new String[] { "identity", "tip-intake", "premises-risk", "alert-routing",
				"alert-inbox", "network-coordination" }) {
			registry.add("vaksam.gateway." + service + "-uri", () -> "http://127.0.0.1:" + closed);
		}
	}

	@Test
	void aServiceThatIsNotRunningIs503Problem() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/api/v1/receipts/SECRET-CODE")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.detail")
			.isEqualTo("The service for this path is not reachable.");
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
