package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import reactor.test.StepVerifier;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.member.MemberProfile.Address;
import se.goteborg.vaksam.network.member.MemberProfile.Contact;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class MemberFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final String SUBMISSION = "0b7c2c1e-5a6f-4e57-9d1c-3f1f3f0e2a11";

    @Test
    void aTypedFormIsCheckedAsTheApiChecksItAndItsSubmissionIdBecomesTheMembersId() {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>();
        sent.add("type", "TAXI");
        sent.add("name", " Taxi Väst AB ");
        sent.add("orgNumber", "5561000018");
        sent.add("postalCode", "422 46");
        sent.add("district", "");
        sent.add("contactEmail", "trafik@taxivast.example");
        sent.add("joinedOn", "2026-03-01");
        sent.add("submissionId", SUBMISSION);
        MemberForm form = MemberForm.typed(sent);

        assertThat(form.memberId()).isEqualTo(SUBMISSION);
        assertThat(form.toString()).doesNotContain("Taxi Väst", "trafik@");
        StepVerifier.create(MemberRequests.check(form.request(), TODAY))
                .assertNext(profile -> {
                    assertThat(profile.type()).isEqualTo(MemberType.TAXI);
                    assertThat(profile.name()).isEqualTo("Taxi Väst AB");
                    assertThat(profile.district()).as("from the postal code").isEqualTo(District.HISINGEN);
                    assertThat(profile.address().streetAddress()).isNull();
                    assertThat(profile.contact().email()).isEqualTo("trafik@taxivast.example");
                })
                .verifyComplete();
    }

    @Test
    void aSubmissionIdThePageDidNotMakeIsReplacedAndAVersionMustBeOne() {
        MemberForm tampered = MemberForm.typed(new LinkedMultiValueMap<>(Map.of("submissionId", List.of("x"),
                "version", List.of("3; drop"))));
        assertThat(tampered.memberId()).isNotEqualTo("x").hasSize(36);
        assertThat(tampered.memberId()).as("every post a new one").isNotEqualTo(tampered.memberId());
        assertThat(tampered.expectedVersion()).isNull();
        assertThat(MemberForm.typed(new LinkedMultiValueMap<>(Map.of("version", List.of("12")))).expectedVersion())
                .isEqualTo(12L);
    }

    @Test
    void theEditFormShowsADistrictThePostalCodeGivesAsFromThePostalCode() {
        MemberProfile derived = new MemberProfile(MemberType.HOTEL, "Hotell", "556000-0001",
                new Address("Kungsgatan 12", "411 19", "Göteborg"), District.CENTRUM,
                new Contact("Receptionen", null, null), LocalDate.of(2026, 3, 1));
        Member member = Member.enrolled("m-1", derived, "hash", Instant.EPOCH);
        MemberForm form = MemberForm.of(member);
        assertThat(form.district()).isEmpty();
        assertThat(form.postalCode()).isEqualTo("411 19");
        assertThat(form.contactEmail()).isEmpty();
        assertThat(form.version()).isEqualTo("0");
        assertThat(form.joinedOn()).isEqualTo("2026-03-01");

        MemberProfile chosen = new MemberProfile(MemberType.HOTEL, "Hotell", "556000-0001",
                new Address("Kungsgatan 12", "411 19", "Göteborg"), District.NORDOST, null, null);
        assertThat(MemberForm.of(Member.enrolled("m-2", chosen, "hash", Instant.EPOCH)).district())
                .isEqualTo("NORDOST");
    }

    @Test
    void eachProblemIsShownAtItsFormField() {
        InvalidFieldsException refused = new InvalidFieldsException(List.of(new FieldProblem("address.postalCode", "x"),
                new FieldProblem("contact.email", "x"), new FieldProblem("contact.email", "y"),
                new FieldProblem("If-Match", "x")));
        assertThat(MemberForm.errors(refused)).containsExactly(Map.entry("postalCode", "members.error.postalCode"),
                Map.entry("contactEmail", "members.error.contactEmail"), Map.entry("form", "members.error.form"));
    }
}
