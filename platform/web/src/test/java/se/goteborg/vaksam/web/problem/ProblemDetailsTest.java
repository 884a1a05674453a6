package se.goteborg.vaksam.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Flux;
import se.goteborg.vaksam.web.WebTestSupport;

class ProblemDetailsTest extends WebTestSupport {

	@LocalServerPort
	private int port;

	private static final String VALID = """
			{"name":"Hotel Royal","kind":"HOTEL","count":2,"tags":["TAXI"],"place":{"city":"Göteborg"}}""";

	@ParameterizedTest
	@ValueSource(strings = { "/test/things", "/test/fn/things" })
	void acceptsAValidBody(String path) {
		post(path, VALID).expectStatus().isCreated().expectBody().jsonPath("$.name").isEqualTo("Hotel Royal");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/test/things", "/test/fn/things" })
	void malformedJsonIsAProblemThatDoesNotEchoTheInput(String path) {
		String body = problem(post(path, "{\"name\": \"Secret Person\", ").expectStatus().isBadRequest());
		assertThat(body).contains("\"status\":400", "not valid JSON").doesNotContain("Secret Person");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/test/things", "/test/fn/things" })
	void missingFieldsAreAllNamed(String path) {
		post(path, "{\"count\":1,\"place\":{}}").expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(3)
			.jsonPath("$.errors[0].field")
			.isEqualTo("name")
			.jsonPath("$.errors[0].message")
			.isEqualTo("is required")
			.jsonPath("$.errors[1].field")
			.isEqualTo("kind")
			.jsonPath("$.errors[2].field")
			.isEqualTo("place.city")
			.jsonPath("$.instance")
			.isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/test/things", "/test/fn/things" })
	void unknownEnumCodeNamesTheFieldAndTheAcceptedValues(String path) {
		post(path, "{\"name\":\"x\",\"kind\":\"BOAT\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("kind")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be one of [HOTEL, TAXI]");
	}

	@Test
	void unknownCodeInsideAnArrayNamesTheElement() {
		post("/test/things", "{\"name\":\"x\",\"kind\":\"HOTEL\",\"tags\":[\"TAXI\",\"PLANE\"]}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("tags[1]");
	}

	@Test
	void wrongTypeNamesTheField() {
		String body = problem(post("/test/things", "{\"name\":\"x\",\"kind\":\"HOTEL\",\"count\":\"many\"}")
			.expectStatus()
			.isBadRequest());
		assertThat(body).contains("\"field\":\"count\"").doesNotContain("many");
	}

	@Test
	void beanValidationFailuresNameTheFields() {
		post("/test/validated", "{\"name\":\" \",\"count\":0}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[?(@.field == 'name')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'count')]")
			.exists();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/test/things", "/test/fn/things" })
	void emptyBodyIsABadRequest(String path) {
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/test/things", "/test/fn/things" })
	void unsupportedMediaTypeIs415(String path) {
		this.client.post()
			.uri(path)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name=x")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(415);
	}

	@Test
	void declaredOversizedBodyIs413() {
		String big = "{\"name\":\"" + "x".repeat(2000) + "\"}";
		post("/test/things", big).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(413);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/test/things", "/test/fn/things" })
	void streamedOversizedBodyWithoutContentLengthIs413(String path) {
		Flux<DataBuffer> chunks = Flux.range(0, 20)
			.map(i -> DefaultDataBufferFactory.sharedInstance
				.wrap((i == 0 ? "{\"name\":\"" : "").concat("y".repeat(200)).getBytes(StandardCharsets.UTF_8)));
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aPathWithItsOwnLimitAcceptsLargerBodies() {
		this.client.post()
			.uri("/test/large/upload")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("z".repeat(50_000))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length")
			.isEqualTo(50_000);
	}

	@Test
	void unexpectedFailureIs500WithoutTheMessage() {
		String body = problem(this.client.get().uri("/test/boom").exchange().expectStatus().is5xxServerError());
		assertThat(body).contains("\"status\":500").doesNotContain("secret content");
	}

	@Test
	void unknownPathIsAProblem() {
		this.client.get()
			.uri("/test/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "c0af", "eda080", "f4908080", "80", "e282" })
	void aRouterFunctionBodyThatIsNotUtf8IsABadRequest(String hex) {
		byte[] name = java.util.HexFormat.of().parseHex(hex);
		byte[] body = concat("{\"name\":\"x".getBytes(StandardCharsets.UTF_8), name,
				"\",\"kind\":\"HOTEL\"}".getBytes(StandardCharsets.UTF_8));
		problem(this.client.post()
			.uri("/test/fn/things")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest());
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTF-16BE", "UTF-16LE", "UTF-32" })
	void aRouterFunctionBodyInAnotherUnicodeEncodingIsABadRequest(String encoding) {
		problem(this.client.post()
			.uri("/test/fn/things")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(VALID.getBytes(java.nio.charset.Charset.forName(encoding)))
			.exchange()
			.expectStatus()
			.isBadRequest());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/test/things", "/test/fn/things" })
	void aNumberTooLargeForItsFieldNamesTheField(String path) {
		post(path, "{\"name\":\"x\",\"kind\":\"HOTEL\",\"count\":99999999999999999999}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("count")
			.jsonPath("$.errors[0].message")
			.isEqualTo("is out of range");
	}

	@Test
	void anUnreadableContentTypeIsABadRequestNotAFailure() {
		problem(this.client.post()
			.uri("/test/fn/things")
			.header("Content-Type", "application/json; charset=nonsense")
			.body(BodyInserters.fromDataBuffers(
					Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(VALID.getBytes(StandardCharsets.UTF_8)))))
			.exchange()
			.expectStatus()
			.isBadRequest());
	}

	@Test
	void whatTheSecurityFirewallRefusesIsAProblem() {
		String body = problem(this.client.get()
			.uri(URI.create("http://127.0.0.1:" + this.port + "/test/things%00"))
			.exchange()
			.expectStatus()
			.isBadRequest());
		assertThat(body).contains("\"status\":400");
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private WebTestClient.ResponseSpec post(String path, String json) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	private static String problem(WebTestClient.ResponseSpec spec) {
		return spec.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
