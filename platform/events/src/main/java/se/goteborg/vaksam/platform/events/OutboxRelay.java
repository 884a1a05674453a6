package se.goteborg.vaksam.platform.events;

import java.time.Duration;

import org.apache.avro.specific.SpecificRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Publishes the events waiting in the outbox of one collection's documents. A pass runs at every poll interval and
 * whenever {@link #nudge()} is called after a write; passes never overlap. An event leaves the outbox only after the
 * broker acknowledged it, so events written while Kafka is away are sent when it is back. A crash between the
 * acknowledgement and the removal sends that event again; consumers are idempotent by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int DOCUMENTS_PER_PASS = 200;
    private static final int CONCURRENT_DOCUMENTS = 32;

    private final MongoCollection<Document> collection;
    private final EventPublisher publisher;
    private final Duration pollInterval;
    private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();
    private volatile Disposable loop;

    public OutboxRelay(MongoCollection<Document> collection, EventPublisher publisher, Duration pollInterval) {
        this.collection = collection;
        this.publisher = publisher;
        this.pollInterval = pollInterval;
    }

    /** Asks for a pass soon; cheap, never blocks, coalesces with a pass already waiting. */
    public void nudge() {
        nudges.tryEmitNext(Boolean.TRUE);
    }

    /** One pass over the waiting events; emits how many were published. */
    public Mono<Integer> relayOnce() {
        return Flux.from(collection.find(Filters.exists(Outbox.FIELD + ".0")).limit(DOCUMENTS_PER_PASS))
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
        loop = Flux.merge(Flux.interval(Duration.ZERO, pollInterval).map(tick -> Boolean.TRUE), nudges.asFlux())
                .onBackpressureDrop()
                .concatMap(trigger -> relayOnce()
                        .onErrorResume(e -> {
                            // The events stay in the outbox; the next pass tries again.
                            log.warn("Outbox pass on {} failed: {}", collection.getNamespace(), e.toString());
                            return Mono.just(0);
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
