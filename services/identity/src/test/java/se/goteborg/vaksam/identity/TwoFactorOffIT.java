package se.goteborg.vaksam.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With {@code vaksam.identity.two-factor.enabled=false}: passwords only, no second-factor pages, and no store
 * (the Mongo URI points nowhere).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vaksam.demo.enabled=true", "vaksam.identity.two-factor.enabled=false",
				"vaksam.mongo.uri=mongodb://127.0.0.1:1" })
class TwoFactorOffIT {

	@LocalServerPort
	private int port;

	@Test
	void thePersonWithAnAuthenticatorInTheDemoLogsInWithThePasswordAlone() {
		TokenClient browser = new TokenClient(this.port);
		String authorize = "/oauth2/authorize?" + TokenClient.encode(Map.of("response_type", "code", "client_id",
				"vaksam-gateway", "redirect_uri", "http://localhost:8080/auth/code/vaksam", "scope", "openid",
				"code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256"));
		assertThat(browser.get(authorize, "text/html").statusCode()).isEqualTo(302);
		String csrf = Jsoup.parse(browser.get("/login", "text/html").body()).select("input[name=_csrf]").attr("value");

		HttpResponse<String> loggedIn = browser.postForm("/login",
				Map.of("username", "police-duty", "password", "demo", "_csrf", csrf));
		HttpResponse<String> back = browser.get(loggedIn.headers().firstValue("Location").orElseThrow(), "text/html");

		assertThat(URI.create(back.headers().firstValue("Location").orElseThrow()).toString())
			.startsWith("http://localhost:8080/auth/code/vaksam?code=");
		assertThat(browser.get("/login/code", "text/html").statusCode()).isEqualTo(404);
		assertThat(browser.get("/account/two-factor", "text/html").statusCode()).isEqualTo(404);
	}

}
