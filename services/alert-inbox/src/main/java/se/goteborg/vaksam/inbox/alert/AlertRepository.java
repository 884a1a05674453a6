package se.goteborg.vaksam.inbox.alert;

import java.time.Duration;
import java.time.Instant;
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
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Priority;
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

    /** Alerts are read without their outbox, and listed without anything sealed. */
    private static final Bson VIEW = Projections.exclude(Outbox.FIELD, AlertDocuments.SEALED_DETAILS, FollowUps.FIELD,
            Notes.FIELD);

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

    /**
     * Stores or refreshes the alert an AlertRouted describes, then gives it routing's priority unless the recipient
     * has set one: two single-document writes, each harmless to repeat, so running it again changes nothing.
     */
    Mono<Void> upsert(AlertRouted event, Instant receivedAt) {
        Bson byId = Filters.eq(AlertDocuments.ID, event.getAlertId());
        return Mono.from(alerts.updateOne(byId, AlertDocuments.routedUpdate(event, receivedAt),
                        new UpdateOptions().upsert(true)))
                .then(Mono.from(alerts.updateOne(
                        Filters.and(byId, Filters.eq(AlertDocuments.PRIORITY_CHANGED_AT, null)),
                        Updates.set(AlertDocuments.PRIORITY, event.getPriority().name()))))
                .then();
    }

    /** Marks the alert escalated by routing; repeating it changes nothing. */
    Mono<Void> escalated(AlertStatusChanged event) {
        return Mono.from(alerts.updateOne(Filters.eq(AlertDocuments.ID, event.getAlertId()),
                AlertDocuments.escalatedUpdate(event), new UpdateOptions().upsert(true))).then();
    }

    /** The recipient's alerts that pass the query's filters, newest first. */
    Flux<Alert> list(Recipient recipient, AlertQuery query, Instant now) {
        return Flux.from(alerts.find(Filters.and(ofRecipient(recipient), query.filter(now))).projection(VIEW)
                        .sort(Sorts.orderBy(Sorts.descending(AlertDocuments.CREATED_AT), Sorts.descending(AlertDocuments.ID)))
                        .limit(query.limit()))
                .map(AlertDocuments::alert);
    }

    Mono<Alert> find(String alertId, Recipient recipient) {
        return Mono.from(alerts.find(mine(alertId, recipient)).projection(VIEW).first()).map(AlertDocuments::alert);
    }

    /** What the alert keeps sealed: the tip's details, the follow-up messages and the internal notes. */
    record Sealed(byte[] details, List<FollowUps.Stored> messages, List<Notes.Stored> notes) {
    }

    /** An alert with what it keeps sealed, for opening. */
    record WithSealed(Alert alert, Sealed sealed) {
    }

    /** The alert and what it keeps sealed, in one read. */
    Mono<WithSealed> findWithSealed(String alertId, Recipient recipient) {
        return Mono.from(alerts.find(mine(alertId, recipient)).projection(Projections.exclude(Outbox.FIELD)).first())
                .map(d -> new WithSealed(AlertDocuments.alert(d),
                        new Sealed(AlertDocuments.sealedDetails(d), FollowUps.of(d), Notes.of(d))));
    }

    /**
     * Adds an internal note under its id, unless one is there already (a submission sent again); emits whether the
     * alert has the note now.
     */
    Mono<Boolean> addNote(Alert alert, String noteId, Document note) {
        String field = Notes.FIELD + "." + noteId;
        return Mono.from(alerts.updateOne(Filters.and(mine(alert.alertId(), alert.recipient()),
                                Filters.exists(field, false)), Updates.set(field, note)))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(true) : has(alert, field));
    }

    /** Whether the alert is there and has the field, e.g. a message or note stored by an earlier submission. */
    private Mono<Boolean> has(Alert alert, String field) {
        return Mono.from(alerts.countDocuments(Filters.and(mine(alert.alertId(), alert.recipient()),
                Filters.exists(field, true)))).map(count -> count > 0);
    }

    /**
     * Gives an open alert the recipient's priority, records the change and queues its PRIORITY_CHANGED, guarded by
     * the last change read, so two people changing it at once cannot both record a change from the same priority;
     * emits whether this call changed it.
     */
    Mono<Boolean> changePriority(Alert alert, Priority to, String actor, Instant at, AlertStatusChanged event) {
        Instant lastChange = alert.priorityChanges().isEmpty() ? null
                : alert.priorityChanges().get(alert.priorityChanges().size() - 1).at();
        Bson filter = Filters.and(mine(alert.alertId(), alert.recipient()),
                Filters.in(AlertDocuments.STATE, AlertState.NEW.name(), AlertState.ACKNOWLEDGED.name()),
                Filters.eq(AlertDocuments.PRIORITY_CHANGED_AT, lastChange == null ? null : Date.from(lastChange)));
        Document update = new Document("$set", new Document(AlertDocuments.PRIORITY, to.name())
                        .append(AlertDocuments.PRIORITY_CHANGED_AT, Date.from(at)))
                .append("$push", new Document(AlertDocuments.PRIORITY_CHANGES,
                        AlertDocuments.priorityChange(alert.priority(), to, actor, at))
                        .append(Outbox.FIELD, Outbox.entry(Topics.ALERT_STATUS_CHANGED, alert.alertId(), event)));
        return Mono.from(alerts.updateOne(filter, update))
                .map(result -> result.getMatchedCount() == 1)
                .doOnNext(changed -> {
                    if (changed) {
                        relay.nudge(alert.alertId());
                    }
                });
    }

    /**
     * Stores the recipient's question with its FollowUpMessage in the alert's outbox, one atomic single-document
     * write, unless a question with that id is there already (a submission sent again: then nothing is stored or sent
     * twice); emits whether the alert has the question now.
     */
    Mono<Boolean> addQuestion(Alert alert, String messageId, Document question, FollowUpMessage event) {
        String field = FollowUps.FIELD + "." + messageId;
        Document update = new Document("$set", new Document(field, question))
                .append("$push", new Document(Outbox.FIELD,
                        Outbox.entry(Topics.FOLLOW_UP_MESSAGE, alert.tipId(), event)));
        return Mono.from(alerts.updateOne(Filters.and(mine(alert.alertId(), alert.recipient()),
                        Filters.exists(field, false)), update))
                .flatMap(result -> {
                    if (result.getMatchedCount() == 1) {
                        relay.nudge(alert.alertId());
                        return Mono.just(true);
                    }
                    return has(alert, field);
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

    /** The recipient's alerts; one that only an early escalation created is not there until it is routed. */
    private static Bson ofRecipient(Recipient recipient) {
        return Filters.and(Filters.eq(AlertDocuments.RECIPIENT, recipient.name()),
                Filters.exists(AlertDocuments.ROUTED_AT));
    }
}
