package se.goteborg.vaksam.web.page;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import se.goteborg.vaksam.web.TestTokens;
import se.goteborg.vaksam.web.WebTestSupport;

/**
 * {@link PageSecurity#personPages} as the gateway reaches it: every request carries the person's token as a bearer
 * token, and a form post still needs this browser's CSRF token (a resource server alone would exempt it).
 */
class PersonPagesTest extends WebTestSupport {

	private static final String PERSON = TestTokens.token("police-officer", "POLICE", List.of("RECIPIENT"));

	@Test
	void aPageIsReadWithThePersonsTokenAndCarriesThePageHeaders() {
		this.client.get()
			.uri("/pages/form")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + PERSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Security-Policy", PageSecurity.NO_SCRIPT_CSP)
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void aFormPostWithTheBearerTokenButWithoutTheCsrfTokenIsRefused() {
		this.client.post()
			.uri("/pages/form")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + PERSON)
			.cookie("XSRF-TOKEN", "a-token-this-browser-never-got")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("text=x")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void withoutATokenThePageIsRefusedAsNotLoggedIn() {
		this.client.get().uri("/pages/form").exchange().expectStatus().isUnauthorized();
	}

}
