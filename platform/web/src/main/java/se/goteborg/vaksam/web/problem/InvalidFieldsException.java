package se.goteborg.vaksam.web.problem;

import java.util.List;

/**
 * Thrown (or returned through {@code Mono.error}) by a handler whose input is well-formed JSON but
 * breaks the contract. It is answered with 400 and {@code application/problem+json} whose
 * {@code errors} array lists every {@link FieldProblem}, so a client can fix all of them at once.
 */
public class InvalidFieldsException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidFieldsException(List<FieldProblem> problems) {
		super("Invalid fields: " + problems.stream().map(FieldProblem::field).toList());
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("at least one field problem is required");
		}
		this.problems = List.copyOf(problems);
	}

	public static InvalidFieldsException of(String field, String message) {
		return new InvalidFieldsException(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
