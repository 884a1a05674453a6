package se.goteborg.vaksam.inbox.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

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
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * The append-only record of every opening of sealed content. The inbox writes an opening before it opens anything,
 * so nothing sealed leaves the service unrecorded; this class only ever inserts and reads, since the record is the
 * evidence for follow-up of how personal data was accessed, and nothing in the service edits or deletes it.
 */
@Component
public class AuditLog {

    public static final String COLLECTION = "details_openings";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoCollection<Document> openings;

    AuditLog(MongoDatabase database) {
        this.openings = database.getCollection(COLLECTION);
    }

    /** Auditors read the log by time; the index is created once the store answers. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        Mono.from(openings.createIndex(Indexes.descending("openedAt")))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(null, e -> log.warn("Audit index not created: {}", e.toString()));
    }

    public Mono<Void> record(Opening opening) {
        Document document = new Document("_id", opening.openingId())
                .append("alertId", opening.alertId())
                .append("tipId", opening.tipId())
                .append("recipient", opening.recipient().name())
                .append("subject", opening.subject())
                .append("openedAt", Date.from(opening.openedAt()))
                .append("reason", opening.reason())
                .append("opened", opening.opened().stream().map(Enum::name).toList())
                .append("messageIds", opening.messageIds())
                .append("noteIds", opening.noteIds());
        return Mono.from(openings.insertOne(document)).then();
    }

    /** The openings the query selects, newest first. */
    Flux<Opening> find(AuditQuery query) {
        return Flux.from(openings.find(filter(query))
                        .sort(Sorts.orderBy(Sorts.descending("openedAt"), Sorts.descending("_id")))
                        .limit(query.limit()))
                .map(AuditLog::opening);
    }

    private static Bson filter(AuditQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.recipient() != null) {
            filters.add(Filters.eq("recipient", query.recipient().name()));
        }
        if (query.alertId() != null) {
            filters.add(Filters.eq("alertId", query.alertId()));
        }
        if (query.tipId() != null) {
            filters.add(Filters.eq("tipId", query.tipId()));
        }
        if (query.subject() != null) {
            filters.add(Filters.eq("subject", query.subject()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("openedAt", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("openedAt", Date.from(query.to())));
        }
        return filters.isEmpty() ? Filters.empty() : Filters.and(filters);
    }

    /** Records written before openings were gathered into one name what they opened as a single word. */
    private static Opening opening(Document d) {
        Object opened = d.get("opened");
        List<Opening.Opened> what = opened instanceof List<?> list
                ? list.stream().map(o -> Opening.Opened.valueOf(String.valueOf(o))).toList()
                : opened instanceof String word ? List.of(Opening.Opened.valueOf(word.toUpperCase(Locale.ROOT)))
                : List.of();
        Date openedAt = d.getDate("openedAt");
        return new Opening(d.getString("_id"), d.getString("alertId"), d.getString("tipId"),
                Recipient.valueOf(d.getString("recipient")), d.getString("subject"),
                openedAt == null ? Instant.EPOCH : openedAt.toInstant(), d.getString("reason"), what,
                d.getList("messageIds", String.class, List.of()), d.getList("noteIds", String.class, List.of()));
    }
}
