package se.goteborg.vaksam.network.bulletin;

import static se.goteborg.vaksam.network.bulletin.BulletinDocuments.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The deliveries collection, one document per bulletin and member, keyed by both, so queueing them again adds
 * nothing; a bulletin's deliveries are read by those keys, never by a scan. Every change is one conditional write: a
 * pass claims a delivery by the number of attempts it read, so of two passes (or two replicas) only one sends it,
 * and only that pass records how it went.
 */
@Component
class DeliveryRepository {

    static final String COLLECTION = "bulletin_deliveries";

    private static final String ID = "_id";
    private static final String STATUS = "status";
    private static final String ATTEMPTS = "attempts";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

    private final MongoCollection<Document> deliveries;

    DeliveryRepository(MongoDatabase database) {
        this.deliveries = database.getCollection(COLLECTION);
    }

    /** The deliveries stored so far of this bulletin to these members. */
    Flux<Delivery> of(String bulletinId, List<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Flux.empty();
        }
        List<String> ids = memberIds.stream().map(memberId -> Delivery.deliveryId(bulletinId, memberId)).toList();
        return Flux.from(deliveries.find(Filters.in(ID, ids))).map(DeliveryRepository::delivery);
    }

    /** Stores these new deliveries, leaving any of the same id that another pass stored first as they are. */
    Mono<Void> add(List<Delivery> queued) {
        if (queued.isEmpty()) {
            return Mono.empty();
        }
        List<UpdateOneModel<Document>> upserts = queued.stream().map(delivery -> new UpdateOneModel<Document>(
                Filters.eq(ID, delivery.deliveryId()),
                new Document("$setOnInsert", new Document("bulletinId", delivery.bulletinId())
                        .append("memberId", delivery.memberId())
                        .append(STATUS, delivery.status().name())
                        .append(ATTEMPTS, delivery.attempts())
                        .append("createdAt", Date.from(delivery.createdAt()))
                        .append(NEXT_ATTEMPT_AT, Date.from(delivery.nextAttemptAt()))),
                new UpdateOptions().upsert(true))).toList();
        return Mono.from(deliveries.bulkWrite(upserts)).then();
    }

    /**
     * Takes the delivery for one attempt, counted now; its next attempt moves past the lease, so should this service
     * die while sending, the delivery is sent again once the lease is over. Emits whether this call got it.
     */
    Mono<Boolean> claim(Delivery delivery, Instant now, Instant leaseUntil) {
        Bson update = Updates.combine(Updates.inc(ATTEMPTS, 1), Updates.set("lastAttemptAt", Date.from(now)),
                Updates.set(NEXT_ATTEMPT_AT, Date.from(leaseUntil)));
        return Mono.from(deliveries.updateOne(asRead(delivery), update)).map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Records how the claimed attempt went: SENT or FAILED with no next attempt, or PENDING with the next one.
     * Changes nothing when another pass took the delivery meanwhile.
     */
    Mono<Void> record(String deliveryId, int attempt, SendOutcome outcome, DeliveryStatus status, Instant at,
                      Instant nextAttemptAt) {
        Bson filter = Filters.and(Filters.eq(ID, deliveryId), Filters.eq(STATUS, DeliveryStatus.PENDING.name()),
                Filters.eq(ATTEMPTS, attempt));
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(STATUS, status.name()),
                Updates.set("lastReplyCode", outcome.replyCode()), Updates.set("lastError", outcome.error())));
        updates.add(nextAttemptAt == null ? Updates.unset(NEXT_ATTEMPT_AT)
                : Updates.set(NEXT_ATTEMPT_AT, Date.from(nextAttemptAt)));
        if (status == DeliveryStatus.SENT) {
            updates.add(Updates.set("sentAt", Date.from(at)));
        } else if (status == DeliveryStatus.FAILED) {
            updates.add(Updates.set("failedAt", Date.from(at)));
        }
        return Mono.from(deliveries.updateOne(filter, Updates.combine(updates))).then();
    }

    /** Ends a pending delivery without an attempt (NO_ADDRESS, CANCELLED), unless another pass took it meanwhile. */
    Mono<Void> settle(Delivery delivery, DeliveryStatus status) {
        return Mono.from(deliveries.updateOne(asRead(delivery),
                Updates.combine(Updates.set(STATUS, status.name()), Updates.unset(NEXT_ATTEMPT_AT)))).then();
    }

    /**
     * Queues the failed deliveries of this bulletin and those that found no address again, each for a whole new
     * series of attempts, due at once; emits how many.
     */
    Mono<Long> requeue(String bulletinId, List<String> memberIds, Instant now) {
        if (memberIds.isEmpty()) {
            return Mono.just(0L);
        }
        List<String> ids = memberIds.stream().map(memberId -> Delivery.deliveryId(bulletinId, memberId)).toList();
        return Mono.from(deliveries.updateMany(Filters.and(Filters.in(ID, ids),
                                Filters.in(STATUS, DeliveryStatus.FAILED.name(), DeliveryStatus.NO_ADDRESS.name())),
                        Updates.combine(Updates.set(STATUS, DeliveryStatus.PENDING.name()), Updates.set(ATTEMPTS, 0),
                                Updates.set(NEXT_ATTEMPT_AT, Date.from(now)), Updates.unset("failedAt"))))
                .map(result -> result.getModifiedCount());
    }

    /** The delivery exactly as it was read: still pending, with no attempt claimed since. */
    private static Bson asRead(Delivery delivery) {
        return Filters.and(Filters.eq(ID, delivery.deliveryId()), Filters.eq(STATUS, DeliveryStatus.PENDING.name()),
                Filters.eq(ATTEMPTS, delivery.attempts()));
    }

    private static Delivery delivery(Document d) {
        return new Delivery(d.getString(ID), d.getString("bulletinId"), d.getString("memberId"),
                DeliveryStatus.valueOf(d.getString(STATUS)), d.getInteger(ATTEMPTS, 0), d.getInteger("lastReplyCode"),
                d.getString("lastError"), instant(d.getDate("createdAt")), instant(d.getDate("lastAttemptAt")),
                instant(d.getDate(NEXT_ATTEMPT_AT)), instant(d.getDate("sentAt")), instant(d.getDate("failedAt")));
    }
}
