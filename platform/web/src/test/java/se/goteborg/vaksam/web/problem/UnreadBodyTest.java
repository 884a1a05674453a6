package se.goteborg.vaksam.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import se.goteborg.vaksam.web.WebTestSupport;

/** Answers that left a request's body unread end the connection and say so; the others keep it. */
class UnreadBodyTest extends WebTestSupport {

	@Test
	void aPostRefusedBeforeItsBodyWasReadEndsTheConnection() {
		this.client.post()
			.uri("/api/coordinator/stats")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"a\":1}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.CONNECTION, "close");
	}

	@Test
	void aPostWhoseBodyWasReadKeepsItsConnection() {
		this.client.post()
			.uri("/test/large/upload")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("a body")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value(HttpHeaders.CONNECTION, value -> assertThat(value).isNotEqualToIgnoringCase("close"));
	}

	@Test
	void aRequestWithoutABodyKeepsItsConnection() {
		this.client.get()
			.uri("/api/coordinator/stats")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist(HttpHeaders.CONNECTION);
	}

}
