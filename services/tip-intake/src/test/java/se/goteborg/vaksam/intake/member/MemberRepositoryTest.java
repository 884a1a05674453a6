package se.goteborg.vaksam.intake.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.testsupport.MongoStore;

class MemberRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static final MongoClient CLIENT = MongoClients.create(MongoStore.uri());

    private final MemberRepository members =
            new MemberRepository(CLIENT.getDatabase("member-repository-test-" + UUID.randomUUID()));

    @Test
    void anActiveMembersKeyFindsTheMember() {
        members.upsert(changed("m1", MemberStatus.ACTIVE, T0, "key-a", "key-b")).block();

        assertThat(members.activeMemberId(MemberKeys.hash("key-b")).block()).isEqualTo("m1");
        assertThat(members.activeMemberId(MemberKeys.hash("key-c")).block()).isNull();
    }

    @Test
    void hashesFromTheTopicAreComparedIgnoringCase() {
        members.upsert(changed("m1", MemberStatus.ACTIVE, T0, List.of(MemberKeys.hash("key-a").toUpperCase()))).block();

        assertThat(members.activeMemberId(MemberKeys.hash("key-a")).block()).isEqualTo("m1");
    }

    @Test
    void aSuspendedOrRevokedMembersKeyFindsNoOne() {
        members.upsert(changed("m1", MemberStatus.ACTIVE, T0, "key-a")).block();
        members.upsert(changed("m1", MemberStatus.SUSPENDED, T0.plusSeconds(1), "key-a")).block();
        assertThat(members.activeMemberId(MemberKeys.hash("key-a")).block()).isNull();

        members.upsert(changed("m1", MemberStatus.ACTIVE, T0.plusSeconds(2), "key-a")).block();
        members.upsert(changed("m1", MemberStatus.REVOKED, T0.plusSeconds(3), "key-a")).block();
        assertThat(members.activeMemberId(MemberKeys.hash("key-a")).block()).isNull();
    }

    @Test
    void anOlderStateArrivingLateChangesNothing() {
        members.upsert(changed("m1", MemberStatus.REVOKED, T0.plusSeconds(10), "key-a")).block();
        members.upsert(changed("m1", MemberStatus.ACTIVE, T0, "key-a")).block();

        assertThat(members.activeMemberId(MemberKeys.hash("key-a")).block()).isNull();
    }

    @Test
    void aReplayIsHarmless() {
        MemberChanged event = changed("m1", MemberStatus.ACTIVE, T0, "key-a");
        members.upsert(event).block();
        members.upsert(event).block();

        assertThat(members.activeMemberId(MemberKeys.hash("key-a")).block()).isEqualTo("m1");
    }

    @Test
    void aRotatedKeyStopsWorking() {
        members.upsert(changed("m1", MemberStatus.ACTIVE, T0, "old-key")).block();
        members.upsert(changed("m1", MemberStatus.ACTIVE, T0.plusSeconds(1), "new-key")).block();

        assertThat(members.activeMemberId(MemberKeys.hash("old-key")).block()).isNull();
        assertThat(members.activeMemberId(MemberKeys.hash("new-key")).block()).isEqualTo("m1");
    }

    @Test
    void theHashIsLowercaseHexSha256() {
        assertThat(MemberKeys.hash("demo-hotel-key")).matches("[0-9a-f]{64}");
        assertThat(MemberKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static MemberChanged changed(String memberId, MemberStatus status, Instant at, String... keys) {
        return changed(memberId, status, at, Arrays.stream(keys).map(MemberKeys::hash).toList());
    }

    private static MemberChanged changed(String memberId, MemberStatus status, Instant at, List<String> hashes) {
        return MemberChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setMemberId(memberId)
                .setType(MemberType.HOTEL)
                .setName("Hotell")
                .setStatus(status)
                .setIntakeKeyHashes(hashes)
                .setChangedAt(at)
                .build();
    }
}
