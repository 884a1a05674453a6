package se.goteborg.vaksam.web.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import se.goteborg.vaksam.web.TestApplication;
import se.goteborg.vaksam.web.TestTokens;

/** Identity not reachable yet, as while the local stack starts. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vaksam.security.issuer=" + TestTokens.ISSUER,
				"vaksam.security.jwk-set-uri=http://127.0.0.1:1/oauth2/jwks" })
class UnreachableKeySetTest {

	@LocalServerPort
	private int port;

	@Test
	void aTokenThatCannotBeCheckedIs503NotA401() {
		WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/api/recipient/me")
			.headers(headers -> headers.setBearerAuth(TestTokens.token("police-demo", "POLICE", List.of("RECIPIENT"))))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
