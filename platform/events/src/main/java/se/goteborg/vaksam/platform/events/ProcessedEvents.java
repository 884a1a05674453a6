package se.goteborg.vaksam.platform.events;

import java.time.Clock;
import java.util.Date;
import java.util.function.Supplier;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;

/**
 * Remembers which events a consumer has handled, under a unique id per consumer and event, so a redelivered event
 * is skipped. The work itself must be an idempotent upsert too: it runs before the event is marked, so a crash in
 * between repeats it harmlessly instead of losing it.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public ProcessedEvents(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public Mono<Void> once(String consumer, String eventId, Supplier<Mono<?>> work) {
        String id = consumer + ":" + eventId;
        return Mono.from(collection.find(Filters.eq("_id", id)).first())
                .hasElement()
                .flatMap(seen -> seen ? Mono.empty() : work.get().then(mark(id)));
    }

    public Mono<Boolean> seen(String consumer, String eventId) {
        return Mono.from(collection.find(Filters.eq("_id", consumer + ":" + eventId)).first()).hasElement();
    }

    private Mono<Void> mark(String id) {
        return Mono.from(collection.insertOne(new Document("_id", id).append("at", Date.from(clock.instant()))))
                .onErrorResume(MongoWriteException.class,
                        e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? Mono.empty() : Mono.error(e))
                .then();
    }
}
