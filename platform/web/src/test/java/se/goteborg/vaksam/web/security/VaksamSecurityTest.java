package se.goteborg.vaksam.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import se.goteborg.vaksam.web.TestTokens;
import se.goteborg.vaksam.web.WebTestSupport;

class VaksamSecurityTest extends WebTestSupport {

	@Test
	void recipientTokenReachesARecipientEndpointWithItsClaims() {
		get("/api/recipient/me", TestTokens.token("police-demo", "POLICE", List.of("RECIPIENT"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("police-demo")
			.jsonPath("$.recipient")
			.isEqualTo("POLICE")
			.jsonPath("$.roles[0]")
			.isEqualTo("RECIPIENT");
	}

	@Test
	void missingTokenIs401ProblemWithBearerChallenge() {
		String body = unauthorized(this.client.get().uri("/api/recipient/me").exchange(), "Bearer");
		assertThat(body).contains("\"status\":401");
	}

	@Test
	void garbageTokenIs401WithoutReason() {
		String body = unauthorized(get("/api/recipient/me", "not-a-jwt"), "Bearer error=\"invalid_token\"");
		assertThat(body).doesNotContainIgnoringCase("malformed").doesNotContainIgnoringCase("jwt");
	}

	@Test
	void expiredTokenIs401WithoutReason() {
		String body = unauthorized(get("/api/recipient/me", TestTokens.expiredToken()),
				"Bearer error=\"invalid_token\"");
		assertThat(body).doesNotContainIgnoringCase("expire");
	}

	@Test
	void tokenFromAnotherIssuerIs401() {
		unauthorized(get("/api/recipient/me", TestTokens.tokenFromIssuer("http://elsewhere.test")),
				"Bearer error=\"invalid_token\"");
	}

	@Test
	void tokenSignedByAnUnknownKeyIs401() {
		unauthorized(get("/api/recipient/me", TestTokens.tokenSignedByAnotherKey()),
				"Bearer error=\"invalid_token\"");
	}

	@Test
	void wrongRoleIs403Problem() {
		get("/api/coordinator/stats", TestTokens.token("police-demo", "POLICE", List.of("RECIPIENT"))).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403);
	}

	@Test
	void coordinatorWithoutRecipientReachesCoordinatorEndpoint() {
		get("/api/coordinator/stats", TestTokens.token("coordinator-demo", null, List.of("COORDINATOR")))
			.expectStatus()
			.isOk();
	}

	@Test
	void healthIsOpen() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.client.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
	}

	private static String unauthorized(WebTestClient.ResponseSpec spec, String challenge) {
		return spec.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
