package se.goteborg.vaksam.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Boots {@link TestApplication} on a random port; subclasses share one context. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vaksam.web.max-body-bytes=1024", "vaksam.web.body-limits[0].path=/test/large/**",
				"vaksam.web.body-limits[0].max-bytes=100KB" })
public abstract class WebTestSupport {

	@LocalServerPort
	private int port;

	protected WebTestClient client;

	@DynamicPropertySource
	static void security(DynamicPropertyRegistry registry) {
		registry.add("vaksam.security.issuer", () -> TestTokens.ISSUER);
		registry.add("vaksam.security.jwk-set-uri", TestTokens::jwkSetUri);
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

}
