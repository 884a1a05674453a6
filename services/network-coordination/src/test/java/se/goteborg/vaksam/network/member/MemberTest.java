package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.member.MemberProfile.Address;
import se.goteborg.vaksam.network.member.MemberProfile.Contact;

class MemberTest {

    private static final Instant ENROLLED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-02T10:00:00Z");

    private static final MemberProfile PROFILE = new MemberProfile(MemberType.HOTEL, "Hotell", "556000-0001",
            new Address("Kungsgatan 12", "411 19", "Göteborg"), District.CENTRUM,
            new Contact("Receptionen", "reception@hotell.example", "031-123 45 67"), LocalDate.of(2026, 11, 1));

    private final Member member = Member.enrolled("m-1", PROFILE, IntakeKeys.hash("key-1"), ENROLLED);

    @Test
    void revokingDropsEveryKeyAndIsIdempotent() {
        Member revoked = member.revoked(LATER);
        assertThat(revoked.status()).isEqualTo(MemberStatus.REVOKED);
        assertThat(revoked.intakeKeyHashes()).isEmpty();
        assertThat(revoked.version()).isEqualTo(1);
        assertThat(revoked.changedAt()).isEqualTo(LATER);
        assertThat(revoked.revoked(LATER.plusSeconds(1))).isSameAs(revoked);
    }

    @Test
    void suspensionKeepsTheKeyAndCanBeLifted() {
        Member suspended = member.suspended(LATER);
        assertThat(suspended.status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(suspended.intakeKeyHashes()).isEqualTo(member.intakeKeyHashes());
        assertThat(suspended.suspended(LATER)).isSameAs(suspended);
        assertThat(suspended.activated(LATER).status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.activated(LATER)).isSameAs(member);
    }

    @Test
    void rotationReplacesEveryEarlierKey() {
        Member rotated = member.withOnlyKey(IntakeKeys.hash("key-2"), LATER);
        assertThat(rotated.intakeKeyHashes()).containsExactly(IntakeKeys.hash("key-2"));
        assertThat(rotated.status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void aRevokedMemberCannotBeSuspendedActivatedOrGivenAKey() {
        Member revoked = member.revoked(LATER);
        for (Runnable change : new Runnable[] {() -> revoked.suspended(LATER), () -> revoked.activated(LATER),
                () -> revoked.withOnlyKey("h", LATER), () -> revoked.edited(PROFILE, LATER)}) {
            assertThatThrownBy(change::run).isInstanceOf(ResponseStatusException.class)
                    .extracting(e -> ((ResponseStatusException) e).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Test
    void editingChangesTheProfileOnceAndKeepsStatusAndKeys() {
        MemberProfile moved = new MemberProfile(MemberType.HOSTEL, "Vandrarhemmet", "556000-0001",
                new Address("Exportgatan 2", "422 46", "Hisings Backa"), District.HISINGEN, null,
                LocalDate.of(2026, 10, 1));
        Member edited = member.suspended(LATER).edited(moved, LATER);
        assertThat(edited.profile()).isEqualTo(moved);
        assertThat(edited.status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(edited.intakeKeyHashes()).isEqualTo(member.intakeKeyHashes());
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.edited(moved, LATER.plusSeconds(1))).as("an edit that changes nothing").isSameAs(edited);
        assertThat(MemberDocuments.event(edited).getDistrict()).isEqualTo("HISINGEN");
    }

    @Test
    void sameStateIgnoresTimesAndVersions() {
        Member again = Member.enrolled("m-1", PROFILE, IntakeKeys.hash("key-1"), LATER);
        assertThat(again.sameStateAs(member)).isTrue();
        assertThat(member.suspended(LATER).sameStateAs(member)).isFalse();
        Member restored = member.suspended(LATER).withStateOf(again, LATER);
        assertThat(restored.sameStateAs(member)).isTrue();
        assertThat(restored.version()).isEqualTo(2);
        assertThat(restored.createdAt()).isEqualTo(ENROLLED);
    }

    @Test
    void theEventCarriesTheFullStateWithKeyHashesOnly() {
        MemberChanged event = MemberDocuments.event(member);
        assertThat(event.getMemberId()).isEqualTo("m-1");
        assertThat(event.getType()).isEqualTo(MemberType.HOTEL);
        assertThat(event.getName()).isEqualTo("Hotell");
        assertThat(event.getDistrict()).isEqualTo("CENTRUM");
        assertThat(event.getStatus()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(event.getIntakeKeyHashes()).containsExactly(IntakeKeys.hash("key-1"));
        assertThat(event.getChangedAt()).isEqualTo(ENROLLED);
        assertThat(event.toString()).doesNotContain("key-1");
        assertThat(MemberDocuments.event(member).getEventId()).isNotEqualTo(event.getEventId());
    }

    @Test
    void documentsRoundTrip() {
        Member changed = member.suspended(LATER);
        assertThat(MemberDocuments.member(MemberDocuments.document(changed))).isEqualTo(changed);
        Member bare = Member.enrolled("m-2", new MemberProfile(MemberType.TAXI, "Taxi", null, null, null, null,
                LocalDate.of(2026, 1, 2)), IntakeKeys.hash("k"), ENROLLED);
        assertThat(MemberDocuments.member(MemberDocuments.document(bare))).isEqualTo(bare);
    }

    @Test
    void anIssuedKeyNeverShowsInLogs() {
        assertThat(new IssuedKey(member, "vk_secret").toString()).doesNotContain("vk_secret");
        EnrolmentLinks links = new EnrolmentLinks(URI.create("https://vaksam.example"));
        MemberResponses.IssuedKeyResponse response = MemberResponses.IssuedKeyResponse.of(
                new IssuedKey(member, "vk_secret"), links);
        assertThat(response.enrolmentUrl()).isEqualTo("https://vaksam.example/intake/enrol/vk_secret");
        assertThat(response.toString()).doesNotContain("vk_secret");
    }
}
