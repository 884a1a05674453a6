package se.goteborg.vaksam.premises.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Which tips concerned a premises: one document per premises key, read and written by that key only (no query needs
 * a secondary index), holding the most recent tips by tip id, so a replayed tip is stored once and never counted
 * twice. Concurrent writers for one premises are serialised by a version number.
 * <p>
 * Tips are placed in time by when they were observed, not when they arrived: the windows are "the 30 (90) days before
 * this tip", so a tip that arrives late or is replayed is counted the same way every time, and a tip never counts
 * tips observed after it. A window holds the tips observed in {@code (at - window, at]}.
 */
@Repository
class TipHistoryRepository {

    static final String COLLECTION = "tip_history";
    /** Tips kept per premises: far more than any repeat rule needs, and a document that stays small. */
    static final int MAX_KEPT = 500;
    /** Linked tips named in an assessment; the counts stay exact beyond it. */
    static final int MAX_LINKED = 100;
    private static final int MAX_CONFLICT_RETRIES = 20;

    private final MongoCollection<Document> collection;

    TipHistoryRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /**
     * Records the tip against the premises and tells which tips about them fall in the two windows ending at
     * {@code at}, this one included.
     */
    Mono<RecentTips> record(String tipId, PremisesKey premises, Instant at, Duration shortWindow, Duration longWindow) {
        String id = premises.documentId();
        return Mono.defer(() -> Mono.from(collection.find(Filters.eq("_id", id)).first())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(stored -> add(id, stored, new TipAt(tipId, at))))
                .retryWhen(Retry.max(MAX_CONFLICT_RETRIES).filter(VersionConflict.class::isInstance))
                .map(tips -> recent(tips, tipId, at, shortWindow, longWindow));
    }

    private Mono<List<TipAt>> add(String id, Optional<Document> stored, TipAt tip) {
        List<TipAt> tips = stored.map(TipHistoryRepository::tips).orElseGet(List::of);
        if (tips.stream().anyMatch(known -> known.tipId().equals(tip.tipId()))) {
            return Mono.just(tips);
        }
        List<TipAt> withTip = new ArrayList<>(tips);
        withTip.add(tip);
        List<Document> kept = withTip.stream()
                .sorted(Comparator.comparing(TipAt::at).reversed())
                .limit(MAX_KEPT)
                .map(keptTip -> new Document("tipId", keptTip.tipId()).append("at", Date.from(keptTip.at())))
                .toList();
        if (stored.isEmpty()) {
            return Mono.from(collection.insertOne(new Document("_id", id).append("version", 1L)
                            .append("tips", kept)))
                    .onErrorMap(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                            ? new VersionConflict() : e)
                    .thenReturn(withTip);
        }
        long version = stored.get().getLong("version");
        return Mono.from(collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                        Updates.combine(Updates.set("tips", kept), Updates.set("version", version + 1))))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(withTip) : Mono.error(new VersionConflict()));
    }

    /** The tips in each window ending at {@code at}; the linked tips are the others of the long window, newest first. */
    static RecentTips recent(List<TipAt> tips, String tipId, Instant at, Duration shortWindow, Duration longWindow) {
        List<TipAt> inLongWindow = inWindow(tips, at, longWindow);
        int inShortWindow = inWindow(tips, at, shortWindow).size();
        List<String> others = inLongWindow.stream()
                .filter(tip -> !tip.tipId().equals(tipId))
                .sorted(Comparator.comparing(TipAt::at).reversed().thenComparing(TipAt::tipId))
                .limit(MAX_LINKED)
                .map(TipAt::tipId)
                .toList();
        return new RecentTips(inShortWindow, inLongWindow.size(), others);
    }

    private static List<TipAt> inWindow(List<TipAt> tips, Instant at, Duration window) {
        Instant from = at.minus(window);
        return tips.stream().filter(tip -> tip.at().isAfter(from) && !tip.at().isAfter(at)).toList();
    }

    private static List<TipAt> tips(Document history) {
        return history.getList("tips", Document.class, List.of()).stream()
                .map(tip -> new TipAt(tip.getString("tipId"), tip.getDate("at").toInstant()))
                .toList();
    }

    record TipAt(String tipId, Instant at) {
    }

    /**
     * @param shortWindow  tips in the short window ({@code tipsLast30Days}), this one included
     * @param longWindow   tips in the long window ({@code tipsLast90Days}), this one included
     * @param otherTipIds  the other tips of the long window, newest first, at most {@value #MAX_LINKED}
     */
    record RecentTips(int shortWindow, int longWindow, List<String> otherTipIds) {

        static RecentTips onlyThis() {
            return new RecentTips(1, 1, List.of());
        }
    }

    /** Another writer changed the premises' history first; reading it again and retrying resolves it. */
    private static final class VersionConflict extends RuntimeException {

        VersionConflict() {
            super(null, null, false, false);
        }
    }
}
