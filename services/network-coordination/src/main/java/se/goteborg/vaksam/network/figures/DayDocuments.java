package se.goteborg.vaksam.network.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One document per day (its {@code _id} the day, {@code 2026-06-01}) holding an entry per tip or alert of that day,
 * keyed by the tip's or alert's id, so that writing an entry again changes nothing; and, beside it, the day's
 * {@link Tally}, counted when first read and kept with the number of changes it was counted from. Every write to a
 * day adds to its {@value #CHANGES}, so a tally counted before a later change is seen to be out of date and counted
 * again: the figures of any period are read by {@code _id} alone, whatever the history's size, and stay exact.
 */
final class DayDocuments {

    static final String CHANGES = "changes";
    private static final Logger log = LoggerFactory.getLogger(DayDocuments.class);
    private static final int PARALLEL_WRITES = 4;

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> tallies;
    private final Function<Document, Tally> count;

    /**
     * @param count the tally of one day's document
     */
    DayDocuments(MongoDatabase database, String daysCollection, String talliesCollection,
                 Function<Document, Tally> count) {
        this.days = database.getCollection(daysCollection);
        this.tallies = database.getCollection(talliesCollection);
        this.count = count;
    }

    /** Applies {@code update} (operators other than {@code $inc}) to the day's document, creating it if need be. */
    Mono<Void> update(LocalDate day, Document update) {
        Document counted = new Document(update).append("$inc", new Document(CHANGES, 1));
        return Mono.from(days.updateOne(Filters.eq("_id", day.toString()), counted, new UpdateOptions().upsert(true)))
                .then();
    }

    /** The tally of every day that has entries among {@code wanted}; days without any are left out. */
    Mono<Map<LocalDate, Tally>> tallies(Collection<LocalDate> wanted) {
        List<String> ids = wanted.stream().map(LocalDate::toString).toList();
        return Flux.from(days.find(Filters.in("_id", ids)).projection(Projections.include(CHANGES)))
                .collectMap(day -> day.getString("_id"), DayDocuments::changes)
                .flatMap(changes -> changes.isEmpty() ? Mono.just(Map.<LocalDate, Tally>of()) : stored(changes)
                        .flatMap(stored -> counted(changes, stored)));
    }

    private Mono<Map<String, Document>> stored(Map<String, Long> changes) {
        return Flux.from(tallies.find(Filters.in("_id", changes.keySet())))
                .collectMap(tally -> tally.getString("_id"));
    }

    /** The stored tallies that are up to date, and the others counted again from their day and stored. */
    private Mono<Map<LocalDate, Tally>> counted(Map<String, Long> changes, Map<String, Document> stored) {
        Map<LocalDate, Tally> result = new HashMap<>();
        List<String> outdated = new ArrayList<>();
        changes.forEach((day, version) -> {
            Document tally = stored.get(day);
            if (tally != null && version.equals(changes(tally))) {
                result.put(LocalDate.parse(day), Tally.of(tally.get("tally", Document.class)));
            } else {
                outdated.add(day);
            }
        });
        if (outdated.isEmpty()) {
            return Mono.just(result);
        }
        return Flux.from(days.find(Filters.in("_id", outdated)))
                .flatMap(day -> keep(day.getString("_id"), changes(day), count.apply(day)), PARALLEL_WRITES)
                .doOnNext(counted -> result.put(LocalDate.parse(counted.getKey()), counted.getValue()))
                .then(Mono.fromSupplier(() -> result));
    }

    /**
     * Stores a day's tally with the number of changes it was counted from. Two readers may store one at the same
     * time, an older one last; the next reader then sees it out of date and counts again, so no write is guarded.
     */
    private Mono<Map.Entry<String, Tally>> keep(String day, long version, Tally tally) {
        Document document = new Document("_id", day).append(CHANGES, version).append("tally", tally.toDocument());
        return Mono.from(tallies.replaceOne(Filters.eq("_id", day), document, new ReplaceOptions().upsert(true)))
                .doOnError(e -> log.debug("A tally of {} was not stored; it is counted again when next read", day, e))
                .onErrorComplete()
                .then(Mono.just(Map.entry(day, tally)));
    }

    private static Long changes(Document document) {
        Number changes = document.get(CHANGES, Number.class);
        return changes == null ? 0L : changes.longValue();
    }
}
