package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.member.MemberRequests.AddressRequest;
import se.goteborg.vaksam.network.member.MemberRequests.ContactRequest;
import se.goteborg.vaksam.network.member.MemberRequests.MemberRequest;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class MemberRequestsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aBareEnrolmentIsNormalisedAndJoinsToday() {
        StepVerifier.create(MemberRequests.check(new MemberRequest(MemberType.TAXI, "  Taxi Väst AB ", "5561000018",
                        null, " ", null, null), TODAY))
                .assertNext(member -> {
                    assertThat(member.name()).isEqualTo("Taxi Väst AB");
                    assertThat(member.orgNumber()).isEqualTo("556100-0018");
                    assertThat(member.district()).isNull();
                    assertThat(member.address()).isNull();
                    assertThat(member.contact()).isNull();
                    assertThat(member.joinedOn()).isEqualTo(TODAY);
                })
                .verifyComplete();
    }

    @Test
    void thePostalCodeGivesTheDistrictUnlessOneIsNamed() {
        MemberRequest request = new MemberRequest(MemberType.HOTEL, "Hotell", "556000-0001",
                new AddressRequest(" Exportgatan 2 ", "SE-42246", "Hisings Backa"), null,
                new ContactRequest("Reception", "reception@hotell.example", "+46 31-12 34 56"), "2026-03-01");
        StepVerifier.create(MemberRequests.check(request, TODAY))
                .assertNext(member -> {
                    assertThat(member.address().postalCode()).isEqualTo("422 46");
                    assertThat(member.address().streetAddress()).isEqualTo("Exportgatan 2");
                    assertThat(member.district()).isEqualTo(District.HISINGEN);
                    assertThat(member.contact().email()).isEqualTo("reception@hotell.example");
                    assertThat(member.joinedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
                })
                .verifyComplete();
        StepVerifier.create(MemberRequests.check(new MemberRequest(MemberType.HOTEL, "Hotell", "556000-0001",
                        request.address(), "centrum", null, null), TODAY))
                .assertNext(member -> assertThat(member.district()).isEqualTo(District.CENTRUM))
                .verifyComplete();
    }

    @Test
    void everyOffendingFieldIsNamed() {
        MemberRequest request = new MemberRequest(null, "x".repeat(201), "123",
                new AddressRequest("s".repeat(201), "4111", "c".repeat(101)), "Mars",
                new ContactRequest("n".repeat(201), "not-an-address", "call me"), "2026-12-08");
        StepVerifier.create(MemberRequests.check(request, TODAY))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("type", "name", "orgNumber", "address.streetAddress",
                                "address.postalCode", "address.city", "district", "contact.name", "contact.email",
                                "contact.phone", "joinedOn"))
                .verify();
        StepVerifier.create(MemberRequests.check(new MemberRequest(MemberType.HOTEL, "Hotell", "556000-0001", null,
                        null, null, "1 March"), TODAY))
                .expectErrorSatisfies(e -> assertThat(((InvalidFieldsException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("joinedOn"))
                .verify();
    }
}
