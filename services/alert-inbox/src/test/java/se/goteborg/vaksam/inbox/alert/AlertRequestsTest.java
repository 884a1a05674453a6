package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import se.goteborg.vaksam.inbox.alert.AlertRequests.ListQuery;
import se.goteborg.vaksam.inbox.alert.AlertRequests.OutcomeRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.QuestionRequest;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class AlertRequestsTest {

    @Test
    void theListDefaultsToTheNewestHundredOfEveryStatus() {
        StepVerifier.create(AlertRequests.listQuery(Optional.empty(), Optional.empty()))
                .expectNext(new ListQuery(null, 100)).verifyComplete();
        StepVerifier.create(AlertRequests.listQuery(Optional.of("NEW"), Optional.of("500")))
                .expectNext(new ListQuery(AlertState.NEW, 500)).verifyComplete();
    }

    @Test
    void badListParametersAreNamed() {
        StepVerifier.create(AlertRequests.listQuery(Optional.of("OPEN"), Optional.of("501")))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("status", "limit"))
                .verify();
        StepVerifier.create(AlertRequests.listQuery(Optional.empty(), Optional.of("ten")))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("limit"))
                .verify();
    }

    @Test
    void anOutcomeIsRequired() {
        StepVerifier.create(AlertRequests.outcome(new OutcomeRequest(Outcome.ACTED)))
                .expectNext(Outcome.ACTED).verifyComplete();
        StepVerifier.create(AlertRequests.outcome(new OutcomeRequest(null)))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("outcome"))
                .verify();
    }

    @Test
    void aQuestionIsTrimmedTextOfAtMostAThousandCharactersWithoutControlCharacters() {
        StepVerifier.create(AlertRequests.question(new QuestionRequest("  Vilken våning?\n\tRum 412  ")))
                .expectNext("Vilken våning?\n\tRum 412").verifyComplete();
        // Counted as people see characters: a thousand emoji are a thousand characters, not two thousand.
        StepVerifier.create(AlertRequests.question(new QuestionRequest("\uD83D\uDE00".repeat(1000))))
                .expectNextCount(1).verifyComplete();
        for (String bad : new String[] {null, "", " \n ", "x".repeat(1001), "fråga\u001B[2J"}) {
            StepVerifier.create(AlertRequests.question(new QuestionRequest(bad)))
                    .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                            .extracting(FieldProblem::field).containsExactly("text"))
                    .verify();
        }
    }
}
