package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.member.MemberRequests.EnrolRequest;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class MemberRequestsTest {

    @Test
    void aValidEnrolmentIsNormalised() {
        StepVerifier.create(MemberRequests.check(new EnrolRequest(MemberType.TAXI, "  Taxi Väst AB ", "5561000018", " ")))
                .assertNext(member -> {
                    assertThat(member.name()).isEqualTo("Taxi Väst AB");
                    assertThat(member.orgNumber()).isEqualTo("556100-0018");
                    assertThat(member.district()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void everyOffendingFieldIsNamed() {
        StepVerifier.create(MemberRequests.check(new EnrolRequest(null, "x".repeat(201), "123", "d".repeat(101))))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("type", "name", "orgNumber", "district"))
                .verify();
    }
}
