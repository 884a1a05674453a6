package se.goteborg.vaksam.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running identity over plain HTTP, as a recipient system or a browser would. */
public final class TokenClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http;

	public TokenClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public HttpResponse<String> clientCredentials(String clientId, String secret) {
		return token(clientId, secret, Map.of("grant_type", "client_credentials"));
	}

	/** A request to the token endpoint, authenticated with {@code client_secret_basic}. */
	public HttpResponse<String> token(String clientId, String secret, Map<String, String> form) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
	}

	public HttpResponse<String> get(String pathOrUrl, String accept) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.baseUrl + pathOrUrl;
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
	}

	/** Verifies the token's signature with the published key set and its issuer. */
	public Jwt decode(String token, String expectedIssuer) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.baseUrl + "/oauth2/jwks").build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(expectedIssuer));
		return decoder.decode(token);
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
