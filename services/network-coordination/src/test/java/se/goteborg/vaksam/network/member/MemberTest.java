package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;

class MemberTest {

    private static final Instant ENROLLED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-02T10:00:00Z");

    private final Member member = Member.enrolled("m-1", MemberType.HOTEL, "Hotell", "556000-0001", "Centrum",
            IntakeKeys.hash("key-1"), ENROLLED);

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
                () -> revoked.withOnlyKey("h", LATER)}) {
            assertThatThrownBy(change::run).isInstanceOf(ResponseStatusException.class)
                    .extracting(e -> ((ResponseStatusException) e).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Test
    void sameStateIgnoresTimesAndVersions() {
        Member again = Member.enrolled("m-1", MemberType.HOTEL, "Hotell", "556000-0001", "Centrum",
                IntakeKeys.hash("key-1"), LATER);
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
        assertThat(event.getDistrict()).isEqualTo("Centrum");
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
    }

    @Test
    void anIssuedKeyNeverShowsInLogs() {
        assertThat(new IssuedKey(member, "vk_secret").toString()).doesNotContain("vk_secret");
        assertThat(MemberResponses.IssuedKeyResponse.of(new IssuedKey(member, "vk_secret")).toString())
                .doesNotContain("vk_secret");
    }
}
