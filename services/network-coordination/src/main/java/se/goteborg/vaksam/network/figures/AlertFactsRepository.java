package se.goteborg.vaksam.network.figures;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;

/**
 * One document per alert with the facts the network's figures count, and nothing else: recipient, priority, when it
 * was routed, first acknowledged, escalated and closed, the outcome code, and the ids of priority changes. Every
 * write is an upsert keyed by alert id whose times keep the earliest ({@code $min}) and whose sets ignore repeats, so
 * the events may come in any order, twice, or again from a replay of the topics, and the document ends the same.
 */
@Repository
class AlertFactsRepository {

    static final String COLLECTION = "alert_facts";

    private final MongoCollection<Document> facts;

    AlertFactsRepository(MongoDatabase database) {
        this.facts = database.getCollection(COLLECTION);
    }

    Mono<Void> routed(AlertRouted alert) {
        return upsert(alert.getAlertId(), new Document("$set", new Document("recipient", alert.getRecipient().name())
                        .append("priority", alert.getPriority().name())
                        .append("channel", alert.getChannel().name()))
                .append("$min", new Document("routedAt", Date.from(alert.getRoutedAt()))));
    }

    Mono<Void> statusChanged(AlertStatusChanged change) {
        Date at = Date.from(change.getChangedAt());
        Document update = new Document("$set", new Document("recipient", change.getRecipient().name()));
        switch (change.getStatus()) {
            case ACKNOWLEDGED -> update.append("$min", new Document("acknowledgedAt", at));
            case OUTCOME_RECORDED -> {
                update.get("$set", Document.class).append("outcome", change.getOutcome() == null ? "CLOSED"
                        : change.getOutcome());
                update.append("$min", new Document("closedAt", at));
            }
            case ESCALATED -> update.append("$min", new Document("escalatedAt", at));
            case PRIORITY_CHANGED -> update.append("$addToSet", new Document("priorityChanges", change.getEventId()));
        }
        return upsert(change.getAlertId(), update);
    }

    /** The alerts routed in {@code [from, to)}. */
    Flux<Document> routedBetween(Instant from, Instant to) {
        Bson window = Filters.and(Filters.gte("routedAt", Date.from(from)), Filters.lt("routedAt", Date.from(to)));
        return Flux.from(facts.find(window));
    }

    private Mono<Void> upsert(String alertId, Document update) {
        return Mono.from(facts.updateOne(Filters.eq("_id", alertId), update, new UpdateOptions().upsert(true))).then();
    }
}
