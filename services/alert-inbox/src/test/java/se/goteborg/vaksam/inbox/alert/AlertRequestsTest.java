package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.test.StepVerifier;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.inbox.alert.AlertRequests.OutcomeRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.PriorityRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.QuestionRequest;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class AlertRequestsTest {

    @Test
    void theListDefaultsToTheNewestHundredOfEveryStatus() {
        StepVerifier.create(AlertRequests.listQuery(query("")))
                .expectNext(AlertQuery.all(100)).verifyComplete();
        StepVerifier.create(AlertRequests.listQuery(query("status=NEW&limit=500")))
                .expectNext(new AlertQuery(Set.of(AlertState.NEW), Set.of(), null, null, null, null, null, 500))
                .verifyComplete();
    }

    @Test
    void filtersTakeSeveralValuesRepeatedOrCommaSeparated() {
        StepVerifier.create(AlertRequests.listQuery(query("status=NEW,ACKNOWLEDGED&priority=IMMEDIATE&priority=HIGH"
                        + "&overdue=true&escalated=false&minAge=PT1H&maxAge=P7D&since=2026-12-01T08:00:00Z&limit=20")))
                .expectNext(new AlertQuery(Set.of(AlertState.NEW, AlertState.ACKNOWLEDGED),
                        Set.of(Priority.IMMEDIATE, Priority.HIGH), true, false, Duration.ofHours(1), Duration.ofDays(7),
                        Instant.parse("2026-12-01T08:00:00Z"), 20))
                .verifyComplete();
    }

    @Test
    void badListParametersAreNamed() {
        StepVerifier.create(AlertRequests.listQuery(query("status=OPEN&limit=501")))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("status", "limit"))
                .verify();
        StepVerifier.create(AlertRequests.listQuery(query("limit=ten")))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("limit"))
                .verify();
        StepVerifier.create(AlertRequests.listQuery(query("prio=HIGH&priority=URGENT&overdue=yes&minAge=P7D&maxAge=PT1H"
                        + "&since=yesterday")))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("prio", "priority", "overdue", "minAge", "since"))
                .verify();
    }

    @Test
    void aPriorityChangeNeedsAPriorityAndAnOptionalReason() {
        StepVerifier.create(AlertRequests.priority(new PriorityRequest(Priority.HIGH, "  ")))
                .expectNext(new PriorityRequest(Priority.HIGH, null)).verifyComplete();
        StepVerifier.create(AlertRequests.priority(new PriorityRequest(null, "x".repeat(4001))))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("priority", "reason"))
                .verify();
        StepVerifier.create(AlertRequests.openingReason("x".repeat(201)))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("reason"))
                .verify();
        StepVerifier.create(AlertRequests.openingReason(null)).expectNext("").verifyComplete();
    }

    private static MultiValueMap<String, String> query(String query) {
        return UriComponentsBuilder.fromUriString("/api/v1/alerts?" + query).build().getQueryParams();
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
