package se.goteborg.vaksam.inbox.webhook;

import static se.goteborg.vaksam.inbox.webhook.WebhookRepository.instant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The deliveries collection, one document per event and webhook. Every change is one conditional single-document
 * write: a pass claims a delivery by the number of attempts it read, so of two passes (or two replicas) only one
 * sends it, and the outcome is recorded only by the pass that claimed it.
 */
@Component
class DeliveryRepository {

    static final String COLLECTION = "webhook_deliveries";

    private static final Logger log = LoggerFactory.getLogger(DeliveryRepository.class);

    private static final String ID = "_id";
    private static final String WEBHOOK_ID = "webhookId";
    private static final String STATUS = "status";
    private static final String ATTEMPTS = "attempts";
    private static final String CREATED_AT = "createdAt";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

    private final MongoCollection<Document> deliveries;

    DeliveryRepository(MongoDatabase database) {
        this.deliveries = database.getCollection(COLLECTION);
    }

    /** Due deliveries are looked up per webhook and time; the API lists them per webhook, newest first. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        Flux.concat(
                        deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending(WEBHOOK_ID, STATUS),
                                Indexes.ascending(NEXT_ATTEMPT_AT))),
                        deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending(WEBHOOK_ID),
                                Indexes.descending(CREATED_AT))))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(null, e -> log.warn("Delivery indexes not created: {}", e.toString()));
    }

    /** Stores the delivery unless one of the same id is stored already. */
    Mono<Void> add(Delivery delivery) {
        Document fields = new Document(WEBHOOK_ID, delivery.webhookId())
                .append("eventId", delivery.eventId())
                .append("type", delivery.type())
                .append("alertId", delivery.alertId())
                .append("body", delivery.body())
                .append(STATUS, delivery.status().name())
                .append(ATTEMPTS, delivery.attempts())
                .append(CREATED_AT, Date.from(delivery.createdAt()))
                .append(NEXT_ATTEMPT_AT, Date.from(delivery.nextAttemptAt()));
        return Mono.from(deliveries.updateOne(Filters.eq(ID, delivery.deliveryId()),
                        new Document("$setOnInsert", fields), new UpdateOptions().upsert(true)))
                .then();
    }

    /** The webhook's pending deliveries whose next attempt is due, the longest due first. */
    Flux<Delivery> due(String webhookId, Instant now, int limit) {
        return Flux.from(deliveries.find(Filters.and(Filters.eq(WEBHOOK_ID, webhookId),
                                Filters.eq(STATUS, DeliveryStatus.PENDING.name()),
                                Filters.lte(NEXT_ATTEMPT_AT, Date.from(now))))
                        .sort(Sorts.ascending(NEXT_ATTEMPT_AT))
                        .limit(limit))
                .map(DeliveryRepository::delivery);
    }

    /**
     * Takes the delivery for one attempt, counted now; its next attempt moves past the lease, so should this
     * service die while sending, the delivery is sent again once the lease is over. Emits whether this call got it.
     */
    Mono<Boolean> claim(Delivery delivery, Instant now, Instant leaseUntil) {
        Bson update = Updates.combine(Updates.inc(ATTEMPTS, 1), Updates.set("lastAttemptAt", Date.from(now)),
                Updates.set(NEXT_ATTEMPT_AT, Date.from(leaseUntil)));
        return Mono.from(deliveries.updateOne(asRead(delivery), update))
                .map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Records how the claimed attempt went: DELIVERED or FAILED with no next attempt, or PENDING with the next one.
     * Changes nothing when the delivery was cancelled or re-queued meanwhile.
     */
    Mono<Void> record(String deliveryId, int attempt, AttemptOutcome outcome, DeliveryStatus status, Instant at,
                      Instant nextAttemptAt) {
        Bson filter = Filters.and(Filters.eq(ID, deliveryId),
                Filters.eq(STATUS, DeliveryStatus.PENDING.name()), Filters.eq(ATTEMPTS, attempt));
        List<Bson> updates = new ArrayList<>(List.of(Updates.set(STATUS, status.name()),
                Updates.set("lastStatusCode", outcome.statusCode()), Updates.set("lastError", outcome.error())));
        updates.add(nextAttemptAt == null ? Updates.unset(NEXT_ATTEMPT_AT)
                : Updates.set(NEXT_ATTEMPT_AT, Date.from(nextAttemptAt)));
        if (status == DeliveryStatus.DELIVERED) {
            updates.add(Updates.set("deliveredAt", Date.from(at)));
        } else if (status == DeliveryStatus.FAILED) {
            updates.add(Updates.set("failedAt", Date.from(at)));
        }
        Bson update = Updates.combine(updates);
        return Mono.from(deliveries.updateOne(filter, update)).then();
    }

    /** The webhook's deliveries, newest first, of one status or all. */
    Flux<Delivery> list(String webhookId, DeliveryStatus status, int limit) {
        Bson filter = status == null ? Filters.eq(WEBHOOK_ID, webhookId)
                : Filters.and(Filters.eq(WEBHOOK_ID, webhookId), Filters.eq(STATUS, status.name()));
        return Flux.from(deliveries.find(filter).sort(Sorts.descending(CREATED_AT, ID)).limit(limit))
                .map(DeliveryRepository::delivery);
    }

    Mono<Delivery> find(String webhookId, String deliveryId) {
        return Mono.from(deliveries.find(Filters.and(Filters.eq(ID, deliveryId), Filters.eq(WEBHOOK_ID, webhookId)))
                        .first())
                .map(DeliveryRepository::delivery);
    }

    Mono<Long> count(String webhookId, DeliveryStatus status) {
        return Mono.from(deliveries.countDocuments(Filters.and(Filters.eq(WEBHOOK_ID, webhookId),
                Filters.eq(STATUS, status.name()))));
    }

    /** Stores the failed delivery as {@link Delivery#requeued queued again}; emits whether it was still failed. */
    Mono<Boolean> requeue(Delivery requeued) {
        Bson filter = Filters.and(Filters.eq(ID, requeued.deliveryId()), Filters.eq(WEBHOOK_ID, requeued.webhookId()),
                Filters.eq(STATUS, DeliveryStatus.FAILED.name()));
        Bson update = Updates.combine(Updates.set(STATUS, requeued.status().name()),
                Updates.set(ATTEMPTS, requeued.attempts()),
                Updates.set(NEXT_ATTEMPT_AT, Date.from(requeued.nextAttemptAt())), Updates.unset("failedAt"));
        return Mono.from(deliveries.updateOne(filter, update)).map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Each pending delivery of a deleted webhook is cancelled in its own atomic write. Passes only deliver for
     * active webhooks, so one left pending by a crash half-way is never sent either.
     */
    Mono<Long> cancelPending(String webhookId, Instant at) {
        return Mono.from(deliveries.updateMany(Filters.and(Filters.eq(WEBHOOK_ID, webhookId),
                                Filters.eq(STATUS, DeliveryStatus.PENDING.name())),
                        Updates.combine(Updates.set(STATUS, DeliveryStatus.CANCELLED.name()),
                                Updates.set("cancelledAt", Date.from(at)), Updates.unset(NEXT_ATTEMPT_AT))))
                .map(result -> result.getModifiedCount());
    }

    /** The delivery exactly as it was read: still pending, with no attempt claimed since. */
    private static Bson asRead(Delivery delivery) {
        return Filters.and(Filters.eq(ID, delivery.deliveryId()), Filters.eq(STATUS, DeliveryStatus.PENDING.name()),
                Filters.eq(ATTEMPTS, delivery.attempts()));
    }

    private static Delivery delivery(Document d) {
        return new Delivery(d.getString(ID), d.getString(WEBHOOK_ID), d.getString("eventId"), d.getString("type"),
                d.getString("alertId"), d.getString("body"), DeliveryStatus.valueOf(d.getString(STATUS)),
                d.getInteger(ATTEMPTS, 0), d.getInteger("lastStatusCode"), d.getString("lastError"),
                instant(d.getDate(CREATED_AT)), instant(d.getDate("lastAttemptAt")),
                instant(d.getDate(NEXT_ATTEMPT_AT)), instant(d.getDate("deliveredAt")), instant(d.getDate("failedAt")));
    }
}
