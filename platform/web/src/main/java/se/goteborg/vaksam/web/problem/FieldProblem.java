package se.goteborg.vaksam.web.problem;

import java.util.Objects;

/**
 * One entry of a problem response's {@code errors} array: the offending field, as a JSON path
 * such as {@code premises.city} or {@code indicators[2]}, and what is wrong with it.
 */
public record FieldProblem(String field, String message) {

	public FieldProblem {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}

}
