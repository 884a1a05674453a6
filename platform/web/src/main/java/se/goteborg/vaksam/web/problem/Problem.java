package se.goteborg.vaksam.web.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A problem response ready to be written: status, extra headers and the RFC 9457 members. The body
 * is a plain map so that it serialises the same with any JSON codec configuration.
 */
record Problem(HttpStatusCode status, HttpHeaders headers, Map<String, Object> body) {

	static final String ERRORS = "errors";

	static Problem of(HttpStatusCode status, String detail) {
		return new Problem(status, HttpHeaders.EMPTY, members(ProblemDetail.forStatusAndDetail(status, detail)));
	}

	static Problem withErrors(HttpStatusCode status, String detail, List<FieldProblem> errors) {
		Problem problem = of(status, detail);
		problem.body().put(ERRORS, errors.stream()
			.map(error -> Map.of("field", error.field(), "message", error.message()))
			.toList());
		return problem;
	}

	static Problem from(ProblemDetail detail, HttpHeaders headers) {
		return new Problem(HttpStatusCode.valueOf(detail.getStatus()), headers, members(detail));
	}

	Problem at(String instance) {
		this.body.putIfAbsent("instance", instance);
		return this;
	}

	private static Map<String, Object> members(ProblemDetail detail) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", detail.getType() != null ? detail.getType().toString() : "about:blank");
		String title = detail.getTitle();
		if (title == null && HttpStatus.resolve(detail.getStatus()) != null) {
			title = HttpStatus.resolve(detail.getStatus()).getReasonPhrase();
		}
		if (title != null) {
			members.put("title", title);
		}
		members.put("status", detail.getStatus());
		if (detail.getDetail() != null) {
			members.put("detail", detail.getDetail());
		}
		if (detail.getInstance() != null) {
			members.put("instance", detail.getInstance().toString());
		}
		if (detail.getProperties() != null) {
			members.putAll(detail.getProperties());
		}
		return members;
	}

}
