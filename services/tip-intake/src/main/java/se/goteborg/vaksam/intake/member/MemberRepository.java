package se.goteborg.vaksam.intake.member;

import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;

/** The members projection: each member's latest state from the member topic, keyed by member id. */
@Component
class MemberRepository {

    static final String COLLECTION = "members";

    private final MongoCollection<Document> members;
    private volatile boolean indexed;

    MemberRepository(MongoDatabase database) {
        this.members = database.getCollection(COLLECTION);
    }

    /**
     * Stores the member's state unless a newer one is already stored, so replays and redeliveries change nothing.
     * When the stored state is newer, the filter misses and the upsert's insert hits the existing id: that
     * duplicate-key error is the "already newer" answer.
     */
    Mono<Void> upsert(MemberChanged event) {
        Date changedAt = Date.from(event.getChangedAt());
        Document member = new Document("_id", event.getMemberId())
                .append("name", event.getName())
                .append("type", event.getType().name())
                .append("district", event.getDistrict())
                .append("status", event.getStatus().name())
                .append("intakeKeyHashes", event.getIntakeKeyHashes().stream()
                        .map(hash -> hash.toLowerCase(Locale.ROOT)).toList())
                .append("changedAt", changedAt);
        return indexes()
                .then(Mono.from(members.replaceOne(
                        Filters.and(Filters.eq("_id", event.getMemberId()), Filters.lte("changedAt", changedAt)),
                        member, new ReplaceOptions().upsert(true))))
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.empty() : Mono.error(e))
                .then();
    }

    /** The id of the active member holding a key with this hash. */
    Mono<String> activeMemberId(String keyHash) {
        return Mono.from(members.find(Filters.and(Filters.eq("intakeKeyHashes", keyHash),
                                Filters.eq("status", MemberStatus.ACTIVE.name())))
                        .projection(Projections.include("_id"))
                        .first())
                .map(member -> member.getString("_id"));
    }

    /** The member's latest state, read by primary key. */
    Mono<Member> find(String memberId) {
        return Mono.from(members.find(Filters.eq("_id", memberId)).first())
                .map(member -> new Member(member.getString("_id"), member.getString("name"),
                        MemberType.valueOf(member.getString("type")), member.getString("district"),
                        MemberStatus.valueOf(member.getString("status")),
                        member.getList("intakeKeyHashes", String.class, List.of())));
    }

    /**
     * A member as the projection holds it; {@code name} is absent for states stored before names were kept,
     * {@code district} (a district code, as network-coordination counts them) when the member has none.
     */
    record Member(String id, String name, MemberType type, String district, MemberStatus status,
                  List<String> keyHashes) {

        boolean isActiveWith(String keyHash) {
            return status == MemberStatus.ACTIVE && keyHashes.contains(keyHash);
        }
    }

    private Mono<Void> indexes() {
        if (indexed) {
            return Mono.empty();
        }
        return Mono.from(members.createIndex(Indexes.ascending("intakeKeyHashes")))
                .doOnSuccess(name -> indexed = true)
                .then();
    }
}
