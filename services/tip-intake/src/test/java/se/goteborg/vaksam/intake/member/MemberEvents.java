package se.goteborg.vaksam.intake.member;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;

/** Puts member states into the projection through the same upsert the member topic's listener uses. */
public final class MemberEvents {

    private MemberEvents() {
    }

    public static void changed(MongoDatabase database, String memberId, MemberType type, String name,
                               MemberStatus status, Instant changedAt, String... keys) {
        new MemberRepository(database).upsert(MemberChanged.newBuilder()
                        .setEventId(UUID.randomUUID().toString())
                        .setMemberId(memberId)
                        .setType(type)
                        .setName(name)
                        .setStatus(status)
                        .setIntakeKeyHashes(Arrays.stream(keys).map(MemberKeys::hash).toList())
                        .setChangedAt(changedAt)
                        .build())
                .block();
    }
}
