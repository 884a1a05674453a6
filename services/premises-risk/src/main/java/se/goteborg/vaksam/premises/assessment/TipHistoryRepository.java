package se.goteborg.vaksam.premises.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which tips concerned which address, one document per tip, so a replayed tip is stored once and never counted
 * twice.
 */
@Repository
class TipHistoryRepository {

    static final String COLLECTION = "tip_history";
    /** Enough to follow a pattern up; the count stays exact beyond it. */
    static final int MAX_LINKED = 100;
    private static final Logger log = LoggerFactory.getLogger(TipHistoryRepository.class);

    private final MongoCollection<Document> collection;

    TipHistoryRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        Mono.from(collection.createIndex(Indexes.ascending("addressKey", "at"), new IndexOptions().name("addressKey_at")))
                .subscribe(null, e -> log.warn("Index on {} not created: {}", COLLECTION, e.toString()));
    }

    Mono<Void> record(String tipId, String addressKey, Instant at) {
        return Mono.from(collection.updateOne(Filters.eq("_id", tipId),
                        Updates.combine(Updates.set("addressKey", addressKey), Updates.set("at", Date.from(at))),
                        new UpdateOptions().upsert(true)))
                .then();
    }

    /** The tips about the address in the window up to {@code at}, the given tip included in the count. */
    Mono<RecentTips> recent(String tipId, String addressKey, Instant at, Duration window) {
        Bson inWindow = Filters.and(Filters.eq("addressKey", addressKey),
                Filters.gt("at", Date.from(at.minus(window))), Filters.lte("at", Date.from(at)));
        Mono<Long> count = Mono.from(collection.countDocuments(inWindow));
        Mono<List<String>> others = Flux.from(collection.find(Filters.and(inWindow, Filters.ne("_id", tipId)))
                        .projection(Projections.include("_id"))
                        .sort(Sorts.descending("at"))
                        .limit(MAX_LINKED))
                .map(document -> document.getString("_id"))
                .collectList();
        return Mono.zip(count, others, (total, linked) -> new RecentTips(Math.toIntExact(total), linked));
    }

    record RecentTips(int count, List<String> otherTipIds) {

        static RecentTips onlyThis() {
            return new RecentTips(1, List.of());
        }
    }
}
