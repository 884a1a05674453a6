package se.goteborg.vaksam.intake.member;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.intake.IntakeTestSupport;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * Member states as network-coordination announces them: on the member topic itself, or (without Kafka) put into the
 * projection through the same upsert the member topic's listener uses.
 */
public final class MemberEvents {

    private MemberEvents() {
    }

    public static void changed(MongoDatabase database, String memberId, MemberType type, String name,
                               MemberStatus status, Instant changedAt, String... keys) {
        new MemberRepository(database).upsert(event(memberId, type, name, status, changedAt, keys)).block();
    }

    /** Publishes on the member topic on the real broker and waits until the broker has it. */
    public static void publish(String memberId, MemberType type, MemberStatus status, String key,
                               Instant changedAt) {
        publish(memberId, type, null, status, key, changedAt);
    }

    /** As {@link #publish(String, MemberType, MemberStatus, String, Instant)}, with the member's district code. */
    public static void publish(String memberId, MemberType type, String district, MemberStatus status, String key,
                               Instant changedAt) {
        IntakeTestSupport.send(Topics.MEMBER_CHANGED.name(), memberId, event(memberId, type, "IT member " + memberId,
                district, status, changedAt.truncatedTo(ChronoUnit.MILLIS), key));
    }

    private static MemberChanged event(String memberId, MemberType type, String name, MemberStatus status,
                                       Instant changedAt, String... keys) {
        return event(memberId, type, name, null, status, changedAt, keys);
    }

    private static MemberChanged event(String memberId, MemberType type, String name, String district,
                                       MemberStatus status, Instant changedAt, String... keys) {
        return MemberChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setMemberId(memberId)
                .setType(type)
                .setName(name)
                .setDistrict(district)
                .setStatus(status)
                .setIntakeKeyHashes(Arrays.stream(keys).map(IntakeTestSupport::sha256).toList())
                .setChangedAt(changedAt)
                .build();
    }
}
