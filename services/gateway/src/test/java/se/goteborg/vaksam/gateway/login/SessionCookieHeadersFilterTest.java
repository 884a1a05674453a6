package se.goteborg.vaksam.gateway.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class SessionCookieHeadersFilterTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", value = {
			"VAKSAM_SESSION=s1 | -",
			"VAKSAM_SESSION=s1; lettings_csrf=c1 | lettings_csrf=c1",
			"JSESSIONID=j1;VAKSAM_SESSION=s1;  lettings_csrf=c1 | JSESSIONID=j1; lettings_csrf=c1",
			"lettings_csrf=c1 | lettings_csrf=c1",
			"XVAKSAM_SESSION=x | XVAKSAM_SESSION=x" })
	void theSessionCookieStaysAtTheGatewayAndEveryOtherCookieGoesOn(String inbound, String forwarded) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, inbound);
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/lettings"));

		HttpHeaders filtered = new SessionCookieHeadersFilter().filter(headers, exchange);

		assertThat(filtered.getFirst(HttpHeaders.COOKIE)).isEqualTo(forwarded);
	}

}
