package se.goteborg.vaksam.inbox.alert;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;

/**
 * The append-only record of who opened which alert's sealed details or follow-up messages and when. This class only ever inserts: the
 * record is evidence for follow-up of how personal data was accessed, so nothing in the service edits or deletes it.
 */
@Component
class OpeningAudit {

    static final String COLLECTION = "details_openings";

    private final MongoCollection<Document> openings;

    OpeningAudit(MongoDatabase database) {
        this.openings = database.getCollection(COLLECTION);
    }

    Mono<Void> record(InboxCaller caller, Alert alert, Instant at) {
        return Mono.from(openings.insertOne(opening(caller, alert, at).append("opened", "details"))).then();
    }

    /** One record for the follow-up messages opened together for one reading of the alert. */
    Mono<Void> recordMessages(InboxCaller caller, Alert alert, List<String> messageIds, Instant at) {
        return Mono.from(openings.insertOne(opening(caller, alert, at).append("opened", "messages")
                        .append("messageIds", List.copyOf(messageIds))))
                .then();
    }

    private static Document opening(InboxCaller caller, Alert alert, Instant at) {
        return new Document("_id", UUID.randomUUID().toString())
                .append("alertId", alert.alertId())
                .append("tipId", alert.tipId())
                .append("recipient", caller.recipient().name())
                .append("subject", caller.subject())
                .append("openedAt", Date.from(at));
    }
}
