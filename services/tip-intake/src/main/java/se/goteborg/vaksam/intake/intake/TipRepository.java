package se.goteborg.vaksam.intake.intake;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;

@Component
class TipRepository {

    static final String IDEMPOTENCY_ID = "idempotencyId";
    static final String IDEMPOTENCY_FINGERPRINT = "idempotencyFingerprint";

    private final MongoCollection<Document> tips;
    private volatile boolean indexed;

    TipRepository(MongoDatabase database) {
        // A tip is confirmed to the tipster only once a majority of the replica set has it, so no failover loses it.
        this.tips = database.getCollection(TipCollection.NAME).withWriteConcern(WriteConcern.MAJORITY);
    }

    /** Stores the tip with its outbox in one atomic write; completes once the write is acknowledged. */
    Mono<Void> insert(Document tip) {
        return indexes().then(Mono.from(tips.insertOne(tip))).then();
    }

    Mono<Document> findByIdempotencyId(String idempotencyId) {
        return Mono.from(tips.find(Filters.eq(IDEMPOTENCY_ID, idempotencyId)).first());
    }

    /** The unique indexes must exist before the first tip is written, or duplicates could slip in. */
    private Mono<Void> indexes() {
        if (indexed) {
            return Mono.empty();
        }
        return Mono.when(
                        tips.createIndex(Indexes.ascending(TipCollection.RECEIPT_CODE), new IndexOptions().unique(true)),
                        tips.createIndex(Indexes.ascending(IDEMPOTENCY_ID), new IndexOptions().unique(true).sparse(true)))
                .doOnSuccess(done -> indexed = true);
    }
}
