package se.goteborg.vaksam.inbox.alert;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;

/**
 * The append-only record of who opened which alert's sealed details and when. This class only ever inserts: the
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
        return Mono.from(openings.insertOne(new Document("_id", UUID.randomUUID().toString())
                        .append("alertId", alert.alertId())
                        .append("tipId", alert.tipId())
                        .append("recipient", caller.recipient().name())
                        .append("subject", caller.subject())
                        .append("openedAt", Date.from(at))))
                .then();
    }
}
