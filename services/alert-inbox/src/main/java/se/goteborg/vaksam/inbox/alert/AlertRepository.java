package se.goteborg.vaksam.inbox.alert;

import java.time.Duration;
import java.time.Instant;
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
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.followup.FollowUpMessage;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * The alerts collection, one document per alert id. Every query names the recipient, so one recipient's request can
 * never read or change another's alert. A status change and its AlertStatusChanged event are one single-document
 * write, guarded by the state it changes from, so a repeated request changes and publishes nothing.
 */
@Component
class AlertRepository {

    static final String COLLECTION = "alerts";

    private static final Logger log = LoggerFactory.getLogger(AlertRepository.class);

    /** Alerts are read without their outbox, and listed without their sealed details and messages. */
    private static final Bson VIEW = Projections.exclude(Outbox.FIELD, AlertDocuments.SEALED_DETAILS, FollowUps.FIELD);

    private final MongoCollection<Document> alerts;
    private final OutboxRelay relay;

    AlertRepository(MongoDatabase database, OutboxRelay relay) {
        this.alerts = database.getCollection(COLLECTION);
        this.relay = relay;
    }

    /** The listing reads by recipient, newest first; the index is created once the store answers. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        Mono.from(alerts.createIndex(Indexes.compoundIndex(Indexes.ascending(AlertDocuments.RECIPIENT),
                        Indexes.descending(AlertDocuments.CREATED_AT))))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(null, e -> log.warn("Alert index not created: {}", e.toString()));
    }

    /** Stores or refreshes the alert an AlertRouted describes; running it again for the same event changes nothing. */
    Mono<Void> upsert(AlertRouted event) {
        Document update = new Document("$set", AlertDocuments.routingFacts(event))
                .append("$setOnInsert", AlertDocuments.firstSeen(event));
        return Mono.from(alerts.updateOne(Filters.eq(AlertDocuments.ID, event.getAlertId()), update,
                new UpdateOptions().upsert(true))).then();
    }

    /** The recipient's alerts, newest first. */
    Flux<Alert> list(Recipient recipient, AlertState state, int limit) {
        Bson filter = state == null ? ofRecipient(recipient)
                : Filters.and(ofRecipient(recipient), Filters.eq(AlertDocuments.STATE, state.name()));
        return Flux.from(alerts.find(filter).projection(VIEW)
                        .sort(Sorts.orderBy(Sorts.descending(AlertDocuments.CREATED_AT), Sorts.descending(AlertDocuments.ID)))
                        .limit(limit))
                .map(AlertDocuments::alert);
    }

    Mono<Alert> find(String alertId, Recipient recipient) {
        return Mono.from(alerts.find(mine(alertId, recipient)).projection(VIEW).first()).map(AlertDocuments::alert);
    }

    Mono<byte[]> sealedDetails(String alertId, Recipient recipient) {
        return Mono.from(alerts.find(mine(alertId, recipient))
                        .projection(Projections.include(AlertDocuments.SEALED_DETAILS)).first())
                .mapNotNull(AlertDocuments::sealedDetails);
    }

    /** The alert's follow-up messages, oldest first. */
    Mono<List<FollowUps.Stored>> messages(String alertId, Recipient recipient) {
        return Mono.from(alerts.find(mine(alertId, recipient)).projection(Projections.include(FollowUps.FIELD)).first())
                .map(FollowUps::of)
                .defaultIfEmpty(List.of());
    }

    /**
     * Stores the recipient's question with its FollowUpMessage in the alert's outbox, one atomic single-document
     * write; emits whether the alert was there to take it.
     */
    Mono<Boolean> addQuestion(Alert alert, String messageId, Document question, FollowUpMessage event) {
        Document update = new Document("$set", new Document(FollowUps.FIELD + "." + messageId, question))
                .append("$push", new Document(Outbox.FIELD,
                        Outbox.entry(Topics.FOLLOW_UP_MESSAGE, alert.tipId(), event)));
        return Mono.from(alerts.updateOne(mine(alert.alertId(), alert.recipient()), update))
                .map(result -> result.getMatchedCount() == 1)
                .doOnNext(stored -> {
                    if (stored) {
                        relay.nudge(alert.alertId());
                    }
                });
    }

    /**
     * Stores a tipster's answer on the alert it names, if that alert is this recipient's alert of the answer's tip;
     * emits whether it was. Storing it again changes nothing.
     */
    Mono<Boolean> recordAnswer(FollowUpMessage event) {
        Bson filter = Filters.and(mine(event.getAlertId(), event.getRecipient()),
                Filters.eq("tipId", event.getTipId()));
        return Mono.from(alerts.updateOne(filter, new Document("$set",
                        new Document(FollowUps.FIELD + "." + event.getMessageId(), FollowUps.answer(event)))))
                .map(result -> result.getMatchedCount() == 1);
    }

    /** Emits whether this call acknowledged the alert (false: it was no longer new). */
    Mono<Boolean> acknowledge(Alert alert, String actor, Instant at, AlertStatusChanged event) {
        return change(alert, List.of(AlertState.NEW), AlertDocuments.acknowledged(actor, at), event);
    }

    /** Emits whether this call closed the alert (false: it was closed already). */
    Mono<Boolean> close(Alert alert, Outcome outcome, String actor, Instant at, AlertStatusChanged event) {
        return change(alert, List.of(AlertState.NEW, AlertState.ACKNOWLEDGED),
                AlertDocuments.closed(outcome, actor, at), event);
    }

    private Mono<Boolean> change(Alert alert, List<AlertState> from, Document fields, AlertStatusChanged event) {
        Bson filter = Filters.and(mine(alert.alertId(), alert.recipient()),
                Filters.in(AlertDocuments.STATE, from.stream().map(AlertState::name).toList()));
        Document update = new Document("$set", fields)
                .append("$push", new Document(Outbox.FIELD,
                        Outbox.entry(Topics.ALERT_STATUS_CHANGED, alert.alertId(), event)));
        return Mono.from(alerts.updateOne(filter, update))
                .map(result -> result.getMatchedCount() == 1)
                .doOnNext(changed -> {
                    if (changed) {
                        relay.nudge(alert.alertId());
                    }
                });
    }

    private static Bson mine(String alertId, Recipient recipient) {
        return Filters.and(Filters.eq(AlertDocuments.ID, alertId), ofRecipient(recipient));
    }

    private static Bson ofRecipient(Recipient recipient) {
        return Filters.eq(AlertDocuments.RECIPIENT, recipient.name());
    }
}
