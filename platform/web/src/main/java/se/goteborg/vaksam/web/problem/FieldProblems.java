package se.goteborg.vaksam.web.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Collects field problems while a handler checks a request, so that one response names every
 * offending field instead of only the first.
 *
 * <pre>{@code
 * FieldProblems problems = new FieldProblems();
 * problems.requirePresent("observedAt", tip.observedAt());
 * problems.requireText("premises.city", tip.premises().city());
 * return problems.thenReturn(tip);   // Mono.error(InvalidFieldsException) when any were found
 * }</pre>
 */
public final class FieldProblems {

	private final List<FieldProblem> problems = new ArrayList<>();

	public FieldProblems add(String field, String message) {
		this.problems.add(new FieldProblem(field, message));
		return this;
	}

	/** Records a problem when {@code condition} is false; returns the condition. */
	public boolean check(boolean condition, String field, String message) {
		if (!condition) {
			add(field, message);
		}
		return condition;
	}

	public boolean requirePresent(String field, Object value) {
		return check(value != null, field, "is required");
	}

	public boolean requireText(String field, String value) {
		return check(value != null && !value.isBlank(), field, "is required");
	}

	public boolean requireNotEmpty(String field, Collection<?> value) {
		return check(value != null && !value.isEmpty(), field, "must not be empty");
	}

	public boolean requireMaxLength(String field, String value, int maxLength) {
		return check(value == null || value.length() <= maxLength, field,
				"must be at most " + maxLength + " characters");
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	public List<FieldProblem> asList() {
		return List.copyOf(this.problems);
	}

	/** Throws {@link InvalidFieldsException} when any problem was recorded. */
	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidFieldsException(this.problems);
		}
	}

	/** {@code Mono.just(value)}, or an {@link InvalidFieldsException} error when any problem was recorded. */
	public <T> Mono<T> thenReturn(T value) {
		return this.problems.isEmpty() ? Mono.just(value) : Mono.error(new InvalidFieldsException(this.problems));
	}

}
