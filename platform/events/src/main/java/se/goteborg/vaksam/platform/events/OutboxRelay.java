package se.goteborg.vaksam.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in the outbox of one collection's documents. Writers call {@link #nudge(Object)} with
 * the id of the document they wrote, and a pass reads just those documents by id; a full scan of the collection runs
 * at start-up and at every sweep interval as the safety net, for events whose nudge was lost (a crash right after the
 * write, a send that failed while Kafka was away). Passes never overlap. An event leaves the outbox only after the
 * broker acknowledged it; a crash between the acknowledgement and the removal sends that event again, and consumers
 * are idempotent by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** How often the whole collection is scanned for events whose nudge was lost. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(10);

    private static final int DOCUMENTS_PER_BATCH = 200;
    private static final int CONCURRENT_DOCUMENTS = 32;

    private final MongoCollection<Document> collection;
    private final EventPublisher publisher;
    private final Set<Object> due = ConcurrentHashMap.newKeySet();
    private final SweepLoop loop;

    public OutboxRelay(MongoCollection<Document> collection, EventPublisher publisher, Duration sweepInterval) {
        this.collection = collection;
        this.publisher = publisher;
        this.loop = new SweepLoop(sweepInterval, passes -> passes.concatMap(pass ->
                (pass == SweepLoop.Pass.SCHEDULED ? relayOnce() : relayDue()).onErrorResume(e -> {
                    // The events stay in the outbox; the next pass tries again.
                    log.warn("Outbox pass on {} failed: {}", collection.getNamespace(), e.toString());
                    return Mono.just(0);
                }), 1));
    }

    /** Asks for the outbox of this document to be sent soon; cheap, never blocks. */
    public void nudge(Object ownerId) {
        due.add(ownerId);
        loop.trigger();
    }

    /** One pass over every waiting event of the collection; emits how many were published. */
    public Mono<Integer> relayOnce() {
        return relay(Filters.exists(Outbox.FIELD + ".0"));
    }

    private Mono<Integer> relayDue() {
        List<Object> ids = new ArrayList<>(due);
        if (ids.isEmpty()) {
            return Mono.just(0);
        }
        due.removeAll(ids);
        return relay(Filters.in("_id", ids)).doFinally(signal -> {
            if (!due.isEmpty()) {
                // Nudges that came while this pass ran may have been dropped; make sure they get their pass.
                loop.trigger();
            }
        });
    }

    private Mono<Integer> relay(Bson waiting) {
        return Flux.from(collection.find(waiting).batchSize(DOCUMENTS_PER_BATCH))
                .flatMap(this::relayDocument, CONCURRENT_DOCUMENTS)
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> relayDocument(Document owner) {
        Object ownerId = owner.get("_id");
        // In order: events of one aggregate keep the order they were raised in.
        return Flux.fromIterable(Outbox.entries(owner))
                .concatMap(entry -> send(entry)
                        .then(Mono.from(collection.updateOne(Filters.eq("_id", ownerId),
                                Updates.pull(Outbox.FIELD, new Document("id", entry.getString("id"))))))
                        .thenReturn(1))
                .reduce(0, Integer::sum);
    }

    private Mono<?> send(Document entry) {
        Topic<String, SpecificRecord> topic = Topics.byName(entry.getString("topic"));
        return publisher.publish(topic, entry.getString("key"), Outbox.value(entry));
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
