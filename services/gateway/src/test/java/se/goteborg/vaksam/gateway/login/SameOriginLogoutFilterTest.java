package se.goteborg.vaksam.gateway.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refusals themselves are in {@code LoginIT}; here only how the public base URL becomes an origin. */
class SameOriginLogoutFilterTest {

	@ParameterizedTest
	@CsvSource({ "https://vaksam.example, https://vaksam.example", "https://Vaksam.Example:443/, https://vaksam.example",
			"http://localhost:8080/x, http://localhost:8080", "http://localhost:80, http://localhost" })
	void originsAreComparedAsBrowsersWriteThem(String url, String origin) {
		assertThat(SameOriginLogoutFilter.origin(URI.create(url))).isEqualTo(origin);
	}

}
