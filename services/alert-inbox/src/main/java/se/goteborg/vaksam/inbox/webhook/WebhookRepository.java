package se.goteborg.vaksam.inbox.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * The webhooks collection, one document per webhook. Queries of the API name the recipient, so one organisation's
 * request never reads or changes another's webhook. A deleted webhook keeps its document (who registered which
 * endpoint, and when, is part of the record of where alert ids went) but loses its secret.
 */
@Component
class WebhookRepository {

    static final String COLLECTION = "webhooks";

    private static final Logger log = LoggerFactory.getLogger(WebhookRepository.class);

    private static final String ID = "_id";
    private static final String RECIPIENT = "recipient";
    private static final String STATE = "state";
    private static final String ACTIVE = "ACTIVE";
    private static final String CREATED_AT = "createdAt";
    private static final String SEALED_SECRET = "sealedSecret";
    private static final String HEALTH = "health";

    private final MongoCollection<Document> webhooks;

    WebhookRepository(MongoDatabase database) {
        this.webhooks = database.getCollection(COLLECTION);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        Mono.from(webhooks.createIndex(Indexes.compoundIndex(Indexes.ascending(RECIPIENT), Indexes.ascending(STATE),
                        Indexes.ascending(CREATED_AT))))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(null, e -> log.warn("Webhook index not created: {}", e.toString()));
    }

    Mono<Void> insert(Webhook webhook) {
        Document document = new Document(ID, webhook.webhookId())
                .append(RECIPIENT, webhook.recipient().name())
                .append(STATE, ACTIVE)
                .append("url", webhook.url())
                .append("description", webhook.description())
                .append(CREATED_AT, Date.from(webhook.createdAt()))
                .append("createdBy", webhook.createdBy())
                .append(SEALED_SECRET, new Binary(webhook.sealedSecret()))
                .append(HEALTH, new Document("consecutiveFailures", 0));
        return Mono.from(webhooks.insertOne(document)).then();
    }

    Mono<Long> countActive(Recipient recipient) {
        return Mono.from(webhooks.countDocuments(activeOf(recipient)));
    }

    /** The organisation's active webhooks, oldest first. */
    Flux<Webhook> listActive(Recipient recipient) {
        return Flux.from(webhooks.find(activeOf(recipient))
                        .sort(Sorts.ascending(CREATED_AT, ID)))
                .map(WebhookRepository::webhook);
    }

    Mono<Webhook> findActive(String webhookId, Recipient recipient) {
        return Mono.from(webhooks.find(Filters.and(Filters.eq(ID, webhookId), activeOf(recipient))).first())
                .map(WebhookRepository::webhook);
    }

    Mono<Webhook> findActive(String webhookId) {
        return Mono.from(webhooks.find(Filters.and(Filters.eq(ID, webhookId), Filters.eq(STATE, ACTIVE))).first())
                .map(WebhookRepository::webhook);
    }

    Flux<String> activeIds() {
        return Flux.from(webhooks.find(Filters.eq(STATE, ACTIVE)).projection(Projections.include(ID)))
                .map(document -> document.getString(ID));
    }

    /**
     * The ids of the organisation's webhooks that were active when the event happened: a webhook gets what happened
     * after it was registered, never the history a new consumer replays.
     */
    Flux<String> activeIdsAt(Recipient recipient, Instant occurredAt) {
        return Flux.from(webhooks.find(Filters.and(activeOf(recipient), Filters.lte(CREATED_AT, Date.from(occurredAt))))
                        .projection(Projections.include(ID)))
                .map(document -> document.getString(ID));
    }

    /** Emits whether this call deleted the webhook (false: it was not the organisation's active webhook). */
    Mono<Boolean> delete(String webhookId, Recipient recipient, String actor, Instant at) {
        Bson update = Updates.combine(Updates.set(STATE, "DELETED"), Updates.set("deletedAt", Date.from(at)),
                Updates.set("deletedBy", actor), Updates.unset(SEALED_SECRET));
        return Mono.from(webhooks.updateOne(Filters.and(Filters.eq(ID, webhookId), activeOf(recipient)), update))
                .map(result -> result.getMatchedCount() == 1);
    }

    Mono<Void> recordAttempt(String webhookId, AttemptOutcome outcome, Instant at) {
        Bson update = outcome.delivered()
                ? Updates.combine(Updates.set(HEALTH + ".lastDeliveredAt", Date.from(at)),
                        Updates.set(HEALTH + ".consecutiveFailures", 0))
                : Updates.combine(Updates.set(HEALTH + ".lastFailedAt", Date.from(at)),
                        Updates.inc(HEALTH + ".consecutiveFailures", 1));
        update = Updates.combine(update, Updates.set(HEALTH + ".lastStatusCode", outcome.statusCode()),
                Updates.set(HEALTH + ".lastError", outcome.error()));
        return Mono.from(webhooks.updateOne(Filters.eq(ID, webhookId), update)).then();
    }

    private static Bson activeOf(Recipient recipient) {
        return Filters.and(Filters.eq(RECIPIENT, recipient.name()), Filters.eq(STATE, ACTIVE));
    }

    private static Webhook webhook(Document d) {
        Document health = d.get(HEALTH, Document.class);
        Binary sealed = d.get(SEALED_SECRET, Binary.class);
        return new Webhook(d.getString(ID), Recipient.valueOf(d.getString(RECIPIENT)), d.getString("url"),
                d.getString("description"), d.getDate(CREATED_AT).toInstant(), d.getString("createdBy"),
                sealed == null ? null : sealed.getData(),
                new Webhook.Health(instant(health.getDate("lastDeliveredAt")), instant(health.getDate("lastFailedAt")),
                        health.getInteger("consecutiveFailures", 0), health.getInteger("lastStatusCode"),
                        health.getString("lastError")));
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
