package se.goteborg.vaksam.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;

class FieldProblemsTest {

	@Test
	void collectsEveryProblemInOrder() {
		FieldProblems problems = new FieldProblems();
		problems.requireText("name", " ");
		problems.requirePresent("observedAt", null);
		problems.requireNotEmpty("indicators", List.of());
		problems.requireMaxLength("description", "abcdef", 3);
		problems.requireText("city", "Göteborg");

		assertThat(problems.asList()).extracting(FieldProblem::field)
			.containsExactly("name", "observedAt", "indicators", "description");
		assertThatThrownBy(problems::throwIfAny).isInstanceOf(InvalidFieldsException.class)
			.satisfies(ex -> assertThat(((InvalidFieldsException) ex).problems()).hasSize(4));
	}

	@Test
	void noProblemsPassesTheValueOn() {
		FieldProblems problems = new FieldProblems();
		assertThat(problems.check(true, "x", "never")).isTrue();

		StepVerifier.create(problems.thenReturn("ok")).expectNext("ok").verifyComplete();
		problems.throwIfAny();
	}

	@Test
	void problemsFailTheMono() {
		StepVerifier.create(new FieldProblems().add("kind", "is required").thenReturn("ignored"))
			.expectError(InvalidFieldsException.class)
			.verify();
	}

	@Test
	void anExceptionNeedsAtLeastOneProblem() {
		assertThatThrownBy(() -> new InvalidFieldsException(List.of())).isInstanceOf(IllegalArgumentException.class);
	}

}
