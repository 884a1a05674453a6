package se.goteborg.vaksam.network.figures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;

/**
 * The alerts' facts, in two steps. First one document per alert ({@value #COLLECTION}) with what the figures count
 * and nothing else: recipient, priority, when it was routed, first acknowledged, escalated and closed, the outcome
 * code, and the ids of priority changes; every write is an upsert keyed by alert id whose times and outcome keep the
 * least ({@code $min}) and whose sets ignore repeats, so the events may come in any order (a status change before
 * the alert's routing), twice, or again from a replay, and the document ends the same. Then, once the alert's routing
 * is known, its entry in the document of the day it was routed ({@value #DAYS}; see {@link DayDocuments} for
 * {@value #VERSIONS} and {@value #TALLIES}), written from the whole alert document with operators that only ever move
 * one way ({@code $set} of fixed values, {@code $min}): whichever of two events for one alert is handled last writes
 * everything both knew, and an event whose handling stopped between the two writes completes its entry when it is
 * delivered again.
 */
@Repository
class AlertFactsRepository {

    static final String COLLECTION = "alert_facts";
    static final String PREFIX = "alert";
    static final String DAYS = PREFIX + "_days";
    static final String VERSIONS = PREFIX + "_day_versions";
    static final String TALLIES = PREFIX + "_day_tallies";
    static final String ALERTS = "alerts";
    static final String PRIORITY = "priority";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String MINUTES_TO_ACKNOWLEDGE = "minutesToAcknowledge";
    static final String ESCALATED = "escalated";
    static final String PRIORITY_CHANGED = "priorityChanged";
    static final String OUTCOME = "outcome";
    private static final FindOneAndUpdateOptions UPSERT = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> facts;
    private final DayDocuments days;

    AlertFactsRepository(MongoDatabase database) {
        this.facts = database.getCollection(COLLECTION);
        this.days = new DayDocuments(database, PREFIX, AlertFactsRepository::count);
    }

    Mono<Void> routed(AlertRouted alert) {
        return record(alert.getAlertId(), new Document("$set", new Document("recipient", alert.getRecipient().name())
                        .append("priority", alert.getPriority().name())
                        .append("channel", alert.getChannel().name()))
                .append("$min", new Document("routedAt", Date.from(alert.getRoutedAt()))));
    }

    Mono<Void> statusChanged(AlertStatusChanged change) {
        Date at = Date.from(change.getChangedAt());
        Document update = new Document("$set", new Document("recipient", change.getRecipient().name()));
        switch (change.getStatus()) {
            case ACKNOWLEDGED -> update.append("$min", new Document("acknowledgedAt", at));
            case OUTCOME_RECORDED -> update.append("$min", new Document("closedAt", at)
                    .append("outcome", change.getOutcome() == null ? "CLOSED" : Codes.code(change.getOutcome())));
            case ESCALATED -> update.append("$min", new Document("escalatedAt", at));
            case PRIORITY_CHANGED -> update.append("$addToSet", new Document("priorityChanges", change.getEventId()));
        }
        return record(change.getAlertId(), update);
    }

    Mono<Map<LocalDate, Tally>> tallies(Collection<LocalDate> days) {
        return this.days.tallies(days);
    }

    private Mono<Void> record(String alertId, Document update) {
        return Mono.from(facts.findOneAndUpdate(Filters.eq("_id", alertId), update, UPSERT))
                .filter(alert -> alert.getDate("routedAt") != null)
                .flatMap(this::enter);
    }

    /** The alert's entry in its routing day's document, as far as the alert's document knows it. */
    private Mono<Void> enter(Document alert) {
        String key = "a." + Codes.key(alert.getString("_id")) + ".";
        Date routedAt = alert.getDate("routedAt");
        Document set = new Document(key + "r", alert.getString("recipient"));
        Document min = new Document();
        if (alert.getString("priority") != null) {
            set.append(key + "p", alert.getString("priority"));
        }
        if (alert.getDate("acknowledgedAt") != null) {
            long minutes = Duration.between(routedAt.toInstant(), alert.getDate("acknowledgedAt").toInstant())
                    .toMinutes();
            min.append(key + "ack", Math.max(0, minutes));
        }
        if (alert.getDate("escalatedAt") != null) {
            set.append(key + "esc", true);
        }
        if (!alert.getList("priorityChanges", String.class, List.of()).isEmpty()) {
            set.append(key + "chg", true);
        }
        if (alert.getString("outcome") != null) {
            min.append(key + "out", alert.getString("outcome"));
        }
        Document update = new Document("$set", set);
        if (!min.isEmpty()) {
            update.append("$min", min);
        }
        return days.update(routedAt.toInstant().atZone(FigurePeriod.CITY_TIME).toLocalDate(), update);
    }

    /**
     * Counts the entries of one day's document, per recipient ({@code POLICE/alerts}, {@code POLICE/priority}, ...);
     * the minutes to acknowledge as a histogram (minute → alerts), so that days merge into exact percentiles.
     */
    static Tally count(Document day) {
        Tally tally = new Tally();
        Document entries = day.get("a", Document.class);
        if (entries == null) {
            return tally;
        }
        for (Object value : entries.values()) {
            Document alert = (Document) value;
            String recipient = alert.getString("r") + "/";
            tally.add(recipient + ALERTS, Tally.ALL);
            tally.add(recipient + PRIORITY, alert.getString("p") == null ? Codes.UNKNOWN : alert.getString("p"));
            Number minutes = alert.get("ack", Number.class);
            if (minutes != null) {
                tally.add(recipient + ACKNOWLEDGED, Tally.ALL);
                tally.add(recipient + MINUTES_TO_ACKNOWLEDGE, Long.toString(minutes.longValue()));
            }
            if (Boolean.TRUE.equals(alert.getBoolean("esc"))) {
                tally.add(recipient + ESCALATED, Tally.ALL);
            }
            if (Boolean.TRUE.equals(alert.getBoolean("chg"))) {
                tally.add(recipient + PRIORITY_CHANGED, Tally.ALL);
            }
            if (alert.getString("out") != null) {
                tally.add(recipient + OUTCOME, alert.getString("out"));
            }
        }
        return tally;
    }
}
