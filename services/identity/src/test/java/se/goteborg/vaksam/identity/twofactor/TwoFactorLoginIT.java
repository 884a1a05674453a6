package se.goteborg.vaksam.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.binary.Base32;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import se.goteborg.vaksam.identity.MutableClock;
import se.goteborg.vaksam.identity.TestStore;
import se.goteborg.vaksam.identity.TokenClient;

/**
 * The whole login with a second factor over HTTP, as the gateway and the browser go through it, against a real
 * Mongo-compatible store and a clock the test moves: the password, then the code, and only then an authorization
 * code for the gateway, exchanged with its PKCE verifier. In the demo, with the second factor required of
 * coordinators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vaksam.demo.enabled=true", "vaksam.identity.two-factor.required-roles=COORDINATOR" })
@Import(TwoFactorLoginIT.Clocks.class)
@ExtendWith(OutputCaptureExtension.class)
class TwoFactorLoginIT {

	private static final String ISSUER = "http://localhost:8080";

	private static final String CALLBACK = ISSUER + "/auth/code/vaksam";

	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T08:00:10Z"));

	private static final byte[] DEMO_SECRET = new Base32().decode(DemoTwoFactor.SECRET);

	@LocalServerPort
	private int port;

	private TokenClient browser;

	private String verifier;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		String database = TestStore.database("identity-two-factor");
		registry.add("vaksam.mongo.uri", TestStore::uri);
		registry.add("vaksam.mongo.database", () -> database);
	}

	@BeforeEach
	void freshBrowser() {
		this.browser = new TokenClient(this.port);
		this.verifier = randomUrlSafe();
		// Well past the codes and lock-outs of the tests before.
		CLOCK.advance(Duration.ofHours(1));
	}

	@Test
	void theEnrolledPersonGetsNoAuthorizationCodeWithoutTheirCodeAndOneWithIt() {
		assertThat(password(DemoTwoFactor.ENROLLED_PERSON).getPath()).isEqualTo(TwoFactorPaths.CODE);
		URI again = location(this.browser.get(authorizePath(), "text/html"));
		assertThat(again.getPath()).as("the gateway asking again").isEqualTo(TwoFactorPaths.CODE);
		assertThat(again.getQuery()).isNull();

		HttpResponse<String> wrong = postCode(TwoFactorPaths.CODE, wrongCode(DEMO_SECRET));
		assertThat(wrong.statusCode()).isEqualTo(400);
		Document refused = Jsoup.parse(wrong.body());
		assertThat(refused.getElementById("code-error").text()).isEqualTo("Koden stämmer inte. Skriv den kod som appen visar nu.");
		assertThat(refused.getElementById("code").attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.getElementById("code").attr("aria-describedby")).contains("code-error");
		assertThat(refused.select("#error-summary a").attr("href")).isEqualTo("#code");

		Jwt token = exchange(authorizationCode(postCode(TwoFactorPaths.CODE, codeNow(DEMO_SECRET))));
		assertThat(token.getSubject()).isEqualTo(DemoTwoFactor.ENROLLED_PERSON);
		assertThat(token.getClaimAsString("recipient")).isEqualTo("POLICE");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("RECIPIENT");
	}

	@Test
	void aCodeAlreadyUsedIsRefusedAndTheNextOneTakesThePersonIn() {
		password(DemoTwoFactor.ENROLLED_PERSON);
		authorizationCode(postCode(TwoFactorPaths.CODE, codeNow(DEMO_SECRET)));

		freshBrowser(Duration.ZERO);
		password(DemoTwoFactor.ENROLLED_PERSON);
		HttpResponse<String> replayed = postCode(TwoFactorPaths.CODE, codeNow(DEMO_SECRET));
		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(replayed.body()).getElementById("code-error").text()).contains("redan använts");

		CLOCK.advance(Totp.STEP);
		assertThat(exchange(authorizationCode(postCode(TwoFactorPaths.CODE, codeNow(DEMO_SECRET)))).getSubject())
			.isEqualTo(DemoTwoFactor.ENROLLED_PERSON);
	}

	@Test
	void wrongCodesLockTheSecondFactorForAWhileAndThePageSaysHowLong(CapturedOutput output) {
		password(DemoTwoFactor.ENROLLED_PERSON);
		for (int i = 0; i < 4; i++) {
			assertThat(postCode(TwoFactorPaths.CODE, wrongCode(DEMO_SECRET)).statusCode()).isEqualTo(400);
		}
		HttpResponse<String> locked = postCode(TwoFactorPaths.CODE + "?lang=en", wrongCode(DEMO_SECRET));
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).contains("900");
		assertThat(Jsoup.parse(locked.body()).getElementById("code-error").text())
			.isEqualTo("Too many wrong codes. Codes are refused for another 15 minutes; try again then.");

		CLOCK.advance(Duration.ofMinutes(10));
		HttpResponse<String> stillLocked = postCode(TwoFactorPaths.CODE, codeNow(DEMO_SECRET));
		assertThat(stillLocked.statusCode()).as("the right code during the lock-out").isEqualTo(429);
		assertThat(Jsoup.parse(stillLocked.body()).getElementById("code-error").text()).contains("5 minutes");
		assertThat(this.browser.get(TwoFactorPaths.CODE, "text/html").statusCode()).isEqualTo(429);

		CLOCK.advance(Duration.ofMinutes(5));
		assertThat(exchange(authorizationCode(postCode(TwoFactorPaths.CODE, codeNow(DEMO_SECRET)))).getSubject())
			.isEqualTo(DemoTwoFactor.ENROLLED_PERSON);
		assertThat(output).contains("police-duty locked out until");
	}

	@Test
	void aPersonTheRulesRequireItOfSetsItUpBeforeTheLoginGoesOnAndKeepsRecoveryCodes(CapturedOutput output) {
		assertThat(password("coordinator").getPath()).isEqualTo(TwoFactorPaths.SET_UP);
		Document setup = page(TwoFactorPaths.SET_UP);
		assertThat(setup.getElementById("setup-required")).isNotNull();
		String secret = setup.getElementById("secret").text().replace(" ", "");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(setup.getElementById("otpauth-link").attr("href"))
			.isEqualTo("otpauth://totp/Vaksam:coordinator?secret=" + secret
					+ "&issuer=Vaksam&algorithm=SHA1&digits=6&period=30");
		assertThat(setup.select("svg.qr title").text()).isNotBlank();
		byte[] key = new Base32().decode(secret);

		assertThat(postCode(TwoFactorPaths.CONFIRM, wrongCode(key)).statusCode()).isEqualTo(400);
		assertThat(location(this.browser.get(authorizePath(), "text/html")).getPath())
			.as("no authorization code before the set-up is confirmed")
			.isEqualTo(TwoFactorPaths.SET_UP);
		HttpResponse<String> confirmed = postCode(TwoFactorPaths.CONFIRM, codeNow(key));
		assertThat(confirmed.statusCode()).isEqualTo(200);
		List<String> recoveryCodes = Jsoup.parse(confirmed.body()).select("#recovery-codes code").eachText();
		assertThat(recoveryCodes).hasSize(10);
		HttpResponse<String> goOn = this.browser.get(TwoFactorPaths.CONTINUE, "text/html");
		assertThat(exchange(authorizationCode(goOn)).getSubject()).isEqualTo("coordinator");

		freshBrowser(Duration.ZERO);
		assertThat(password("coordinator").getPath()).isEqualTo(TwoFactorPaths.CODE);
		assertThat(exchange(authorizationCode(postCode(TwoFactorPaths.RECOVERY, recoveryCodes.get(0)))).getSubject())
			.isEqualTo("coordinator");

		freshBrowser(Duration.ZERO);
		password("coordinator");
		HttpResponse<String> usedUp = postCode(TwoFactorPaths.RECOVERY, recoveryCodes.get(0));
		assertThat(usedUp.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(usedUp.body()).getElementById("code-error").text()).contains("redan använd");

		assertThat(output).contains("Two-factor turned on for coordinator",
				"coordinator used a recovery code, 9 left")
			.doesNotContain(secret, recoveryCodes.get(0), recoveryCodes.get(1), codeNow(key));
	}

	@Test
	void aPersonSetsItUpByChoiceAndTurnsItOffWithACode(CapturedOutput output) {
		URI callback = password(DemoTwoFactor.TRIAL_PERSON);
		assertThat(callback.toString()).as("not required: the password is enough").startsWith(CALLBACK + "?code=");

		String secret = page(TwoFactorPaths.SET_UP).getElementById("secret").text().replace(" ", "");
		byte[] key = new Base32().decode(secret);
		assertThat(postCode(TwoFactorPaths.CONFIRM, codeNow(key)).statusCode()).isEqualTo(200);
		Document on = page(TwoFactorPaths.SET_UP);
		assertThat(on.getElementById("two-factor-on")).isNotNull();

		assertThat(postCode(TwoFactorPaths.TURN_OFF, wrongCode(key)).statusCode()).isEqualTo(400);
		assertThat(postCode(TwoFactorPaths.TURN_OFF, codeNow(key)).statusCode())
			.as("the confirmation's code, used already")
			.isEqualTo(400);
		CLOCK.advance(Totp.STEP);
		HttpResponse<String> off = postCode(TwoFactorPaths.TURN_OFF, codeNow(key));
		assertThat(off.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(off.body()).getElementById("two-factor-off")).isNotNull();

		freshBrowser(Duration.ZERO);
		assertThat(password(DemoTwoFactor.TRIAL_PERSON).toString()).startsWith(CALLBACK + "?code=");
		assertThat(output).contains("Two-factor turned off for two-factor-trial").doesNotContain(secret);
	}

	@Test
	void thePagesAreSwedishByDefaultEnglishOnRequestAndAllowNoScript() {
		HttpResponse<String> swedish = this.browser.get("/login", "text/html");
		Document login = Jsoup.parse(swedish.body());
		assertThat(login.selectFirst("html").attr("lang")).isEqualTo("sv");
		assertThat(login.selectFirst("h1").text()).isEqualTo("Logga in");
		assertThat(login.select("label[for=username]").text()).isEqualTo("Användarnamn");
		assertThat(login.getElementById("username").attr("autocomplete")).isEqualTo("username");
		assertThat(login.getElementById("password").attr("autocomplete")).isEqualTo("current-password");
		assertThat(login.select("script, style, [style]")).isEmpty();
		String csp = swedish.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(swedish.headers().firstValue("Referrer-Policy")).contains("no-referrer");

		HttpResponse<String> english = this.browser.get("/login?lang=en", "text/html");
		assertThat(Jsoup.parse(english.body()).selectFirst("h1").text()).isEqualTo("Log in");
		assertThat(Jsoup.parse(this.browser.get("/login?error", "text/html").body()).getElementById("login-error").text())
			.as("remembered in a cookie")
			.isEqualTo("Wrong username or password. Try again.");

		password(DemoTwoFactor.ENROLLED_PERSON);
		Element code = page(TwoFactorPaths.CODE + "?lang=sv").getElementById("code");
		assertThat(code.attr("autocomplete")).isEqualTo("one-time-code");
		assertThat(code.attr("inputmode")).isEqualTo("numeric");
		assertThat(page(TwoFactorPaths.CODE).select("label[for=code]").text()).isEqualTo("Kod");
	}

	@Test
	void aWrongPasswordGoesBackToTheFormWithTheErrorTiedToTheFields() {
		this.browser.get(authorizePath(), "text/html");
		HttpResponse<String> refused = this.browser.postForm("/login",
				Map.of("username", DemoTwoFactor.ENROLLED_PERSON, "password", "wrong", "_csrf", csrf("/login")));
		assertThat(location(refused).toString()).endsWith("/login?error");
		Document form = page("/login?error");
		assertThat(form.getElementById("username").attr("aria-describedby")).isEqualTo("login-error");
		assertThat(form.getElementById("password").attr("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.get(TwoFactorPaths.CODE, "text/html").statusCode()).as("no password, no code page")
			.isEqualTo(302);
	}

	/** Starts the gateway's authorization request and logs in with the password; where identity sends it then. */
	private URI password(String username) {
		assertThat(location(this.browser.get(authorizePath(), "text/html")).getPath()).isEqualTo("/login");
		HttpResponse<String> loggedIn = this.browser.postForm("/login",
				Map.of("username", username, "password", "demo", "_csrf", csrf("/login")));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		return location(this.browser.get(location(loggedIn).toString(), "text/html"));
	}

	private HttpResponse<String> postCode(String path, String code) {
		String form = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		String pageOfForm = TwoFactorPaths.RECOVERY.equals(form) ? TwoFactorPaths.RECOVERY
				: form.startsWith(TwoFactorPaths.SET_UP) ? TwoFactorPaths.SET_UP : TwoFactorPaths.CODE;
		return this.browser.postForm(path, Map.of("code", code, "_csrf", csrf(pageOfForm)));
	}

	/** Follows the redirects after an accepted code to the gateway's callback, and takes the code from it. */
	private String authorizationCode(HttpResponse<String> accepted) {
		assertThat(accepted.statusCode()).as("accepted: %s", accepted.body()).isEqualTo(302);
		URI next = location(accepted);
		HttpResponse<String> authorize = this.browser.get(next.toString(), "text/html");
		URI callback = location(authorize);
		assertThat(callback.toString()).startsWith(CALLBACK + "?");
		return UriComponentsBuilder.fromUri(callback).build().getQueryParams().getFirst("code");
	}

	private Jwt exchange(String code) {
		HttpResponse<String> token = this.browser.token("vaksam-gateway", "vaksam-gateway-secret", Map.of("grant_type",
				"authorization_code", "code", code, "redirect_uri", CALLBACK, "code_verifier", this.verifier));
		assertThat(token.statusCode()).isEqualTo(200);
		return this.browser.decode(TokenClient.json(token).get("access_token").asString(), ISSUER);
	}

	private Document page(String path) {
		HttpResponse<String> response = this.browser.get(path, "text/html");
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	/** The form's CSRF token, also from a page that refuses (a lock-out answers 429 with the form). */
	private String csrf(String path) {
		return Jsoup.parse(this.browser.get(path, "text/html").body()).select("input[name=_csrf]").first().attr("value");
	}

	private void freshBrowser(Duration later) {
		this.browser = new TokenClient(this.port);
		this.verifier = randomUrlSafe();
		CLOCK.advance(later);
	}

	private static String codeNow(byte[] key) {
		return Totp.code(key, Totp.step(CLOCK.instant()));
	}

	/** A code of none of the steps that count now. */
	private static String wrongCode(byte[] key) {
		long step = Totp.step(CLOCK.instant());
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!code.equals(Totp.code(key, step - 1)) && !code.equals(Totp.code(key, step))
					&& !code.equals(Totp.code(key, step + 1))) {
				return code;
			}
		}
	}

	private String authorizePath() {
		Map<String, String> authorize = new LinkedHashMap<>();
		authorize.put("response_type", "code");
		authorize.put("client_id", "vaksam-gateway");
		authorize.put("redirect_uri", CALLBACK);
		authorize.put("scope", "openid profile");
		authorize.put("state", "s1");
		authorize.put("code_challenge", challenge(this.verifier));
		authorize.put("code_challenge_method", "S256");
		StringBuilder query = new StringBuilder();
		authorize.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
			.append(name)
			.append('=')
			.append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return "/oauth2/authorize?" + query;
	}

	private URI location(HttpResponse<String> response) {
		URI location = URI.create(response.headers().firstValue("Location").orElseThrow(
				() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body())));
		return location.isAbsolute() ? location : URI.create(this.browser.baseUrl()).resolve(location);
	}

	private static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		Clock movableClock() {
			return CLOCK;
		}

	}

}
