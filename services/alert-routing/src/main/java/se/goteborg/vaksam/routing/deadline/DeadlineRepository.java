package se.goteborg.vaksam.routing.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * The acknowledgement timers, in three collections keyed by alert id, each written by single-document atomic
 * updates: {@value #OPEN} holds only the deadlines still running, so the sweep reads a small collection rather than
 * every alert ever routed; {@value #STOPPED} remembers alerts acknowledged or closed, whichever event came first; and
 * {@value #ESCALATIONS} keeps each escalation with its event in the outbox until the relay has sent it. A crash
 * between two of these writes leaves at worst a deadline that the next sweep finds stopped or escalated already.
 */
@Repository
class DeadlineRepository {

    static final String OPEN = "open_deadlines";
    static final String STOPPED = "stopped_deadlines";
    /** Also the collection the escalation outbox relay reads. */
    static final String ESCALATIONS = "escalations";

    private final MongoCollection<Document> open;
    private final MongoCollection<Document> stopped;
    private final MongoCollection<Document> escalations;

    DeadlineRepository(MongoDatabase database) {
        this.open = database.getCollection(OPEN);
        this.stopped = database.getCollection(STOPPED);
        this.escalations = database.getCollection(ESCALATIONS);
    }

    /** A deadline that runs for this alert; running it again for the same alert changes nothing. */
    record Deadline(String alertId, String tipId, Recipient recipient, Priority priority, Instant routedAt,
                    Instant dueAt) {

        static Deadline of(Document d) {
            return new Deadline(d.getString("_id"), d.getString("tipId"), Recipient.valueOf(d.getString("recipient")),
                    Priority.valueOf(d.getString("priority")), d.getDate("routedAt").toInstant(),
                    d.getDate("dueAt").toInstant());
        }
    }

    Mono<Void> open(AlertRouted alert, Instant dueAt) {
        Document fields = new Document("tipId", alert.getTipId())
                .append("recipient", alert.getRecipient().name())
                .append("priority", alert.getPriority().name())
                .append("routedAt", Date.from(alert.getRoutedAt()))
                .append("dueAt", Date.from(dueAt));
        return Mono.from(open.updateOne(Filters.eq("_id", alert.getAlertId()), new Document("$setOnInsert", fields),
                new UpdateOptions().upsert(true))).then();
    }

    Mono<Void> stop(String alertId, String status, Instant at) {
        return Mono.from(stopped.updateOne(Filters.eq("_id", alertId),
                        Updates.combine(Updates.setOnInsert("status", status), Updates.setOnInsert("stoppedAt", Date.from(at))),
                        new UpdateOptions().upsert(true)))
                .then(close(alertId));
    }

    Mono<Boolean> isStopped(String alertId) {
        return Mono.from(stopped.find(Filters.eq("_id", alertId)).first()).hasElement();
    }

    Mono<Void> close(String alertId) {
        return Mono.from(open.deleteOne(Filters.eq("_id", alertId))).then();
    }

    Flux<Deadline> due(Instant now, int limit) {
        return Flux.from(open.find(Filters.lte("dueAt", Date.from(now))).limit(limit)).map(Deadline::of);
    }

    /** Records the escalation with its event to publish; false when the alert was escalated already. */
    Mono<Boolean> escalate(Deadline deadline, String dutyContact, Instant at, AlertStatusChanged event) {
        Document escalation = new Document("_id", deadline.alertId())
                .append("tipId", deadline.tipId())
                .append("recipient", deadline.recipient().name())
                .append("priority", deadline.priority().name())
                .append("dueAt", Date.from(deadline.dueAt()))
                .append("escalatedAt", Date.from(at))
                .append("escalatedTo", dutyContact)
                .append(Outbox.FIELD, List.of(
                        Outbox.entry(Topics.ALERT_STATUS_CHANGED, deadline.alertId(), event)));
        return Mono.from(escalations.insertOne(escalation)).thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }
}
