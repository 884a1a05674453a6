package se.goteborg.vaksam.routing.tips;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tips waiting for their premises assessment, with when to stop waiting. Kept apart from the routing documents so
 * the sweep reads a collection that only ever holds the few tips in flight, not every tip ever routed. An entry
 * left behind by a crash is harmless: the sweep finds the tip routed and drops it.
 */
@Repository
class AwaitingAssessmentRepository {

    static final String COLLECTION = "awaiting_assessment";

    private final MongoCollection<Document> collection;

    AwaitingAssessmentRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    Mono<Void> await(String tipId, Instant dueAt) {
        return Mono.from(collection.updateOne(Filters.eq("_id", tipId), Updates.setOnInsert("dueAt", Date.from(dueAt)),
                new UpdateOptions().upsert(true))).then();
    }

    Flux<String> due(Instant now, int limit) {
        return Flux.from(collection.find(Filters.lte("dueAt", Date.from(now))).limit(limit))
                .map(document -> document.getString("_id"));
    }

    Mono<Void> done(String tipId) {
        return Mono.from(collection.deleteOne(Filters.eq("_id", tipId))).then();
    }
}
