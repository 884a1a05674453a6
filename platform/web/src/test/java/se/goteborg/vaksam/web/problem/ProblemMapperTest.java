package se.goteborg.vaksam.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.databind.exc.InvalidFormatException;

class ProblemMapperTest {

	@Test
	void unreachableKeySetIs503() {
		Problem problem = ProblemMapper.map(new AuthenticationServiceException("Couldn't retrieve JWK set"));

		assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(problem.body().get("detail")).isEqualTo("Authentication is temporarily unavailable.");
	}

	@Test
	void codecBufferLimitIs413() {
		assertThat(ProblemMapper.map(new DataBufferLimitException("limit")).status())
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void nestedJsonPathBecomesTheFieldName() {
		InvalidFormatException invalid = InvalidFormatException.from(null, "bad", "SOON", String.class);
		invalid.prependPath(Object.class, "time");
		invalid.prependPath(Object.class, "pickup");
		invalid.prependPath(List.class, 0);
		invalid.prependPath(Object.class, "trips");

		Problem problem = ProblemMapper
			.map(new ServerWebInputException("Failed to read HTTP message", null, new DecodingException("x", invalid)));

		assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(problem.body().get("errors"))
			.isEqualTo(List.of(Map.of("field", "trips[0].pickup.time", "message", "must be a string")));
	}

	@Test
	void responseStatusReasonBecomesTheDetail() {
		Problem problem = ProblemMapper.map(new ResponseStatusException(HttpStatus.CONFLICT, "Already acknowledged."));

		assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(problem.body()).containsEntry("title", "Conflict")
			.containsEntry("detail", "Already acknowledged.")
			.containsEntry("type", "about:blank");
	}

	@Test
	void anythingElseIs500WithoutItsMessage() {
		Problem problem = ProblemMapper.map(new IllegalStateException("tip text"));

		assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(problem.body().toString()).doesNotContain("tip text");
	}

}
