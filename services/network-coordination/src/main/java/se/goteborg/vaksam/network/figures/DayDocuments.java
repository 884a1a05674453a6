package se.goteborg.vaksam.network.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One document per day (its {@code _id} the day, {@code 2026-06-01}) holding an entry per tip or alert of that day,
 * keyed by the tip's or alert's id, so that writing an entry again changes nothing; beside it the day's
 * {@link Tally}, counted when first read. Every write to a day adds to its {@value #CHANGES} in the same atomic update,
 * and then raises ({@code $max}) the day's number in its month's small versions document; a tally is kept with the
 * number of changes it was counted from, so one counted before a later change is seen to be out of date and counted
 * again. Reading a period costs a versions document per month, and the tallies of days that changed since they were
 * last read: by {@code _id} alone, whatever the history's size, and exact.
 * <p>
 * Should the handling stop between the day's write and its month's, the day's figures lag until the event is
 * delivered again (the offset is not committed), whose writes raise the month's number past them.
 */
final class DayDocuments {

    static final String CHANGES = "changes";
    private static final Logger log = LoggerFactory.getLogger(DayDocuments.class);
    private static final int PARALLEL_WRITES = 4;
    private static final int DAYS_PER_READ = 16;
    /** The days whose tallies are kept in memory, the latest ones; older ones are read from the store. */
    static final int DAYS_IN_MEMORY = 800;
    private static final FindOneAndUpdateOptions COUNTED = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER).projection(Projections.include(CHANGES));
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> versions;
    private final MongoCollection<Document> tallies;
    private final Function<Document, Tally> count;
    private final ConcurrentSkipListMap<LocalDate, Counted> inMemory = new ConcurrentSkipListMap<>();

    private record Counted(long changes, Tally tally) {
    }

    /**
     * @param prefix the collections' names: {@code <prefix>_days}, {@code <prefix>_day_versions} and
     *               {@code <prefix>_day_tallies}
     * @param count  the tally of one day's document
     */
    DayDocuments(MongoDatabase database, String prefix, Function<Document, Tally> count) {
        this.days = database.getCollection(prefix + "_days");
        this.versions = database.getCollection(prefix + "_day_versions");
        this.tallies = database.getCollection(prefix + "_day_tallies");
        this.count = count;
    }

    /** Applies {@code update} (operators other than {@code $inc}) to the day's document, creating it if need be. */
    Mono<Void> update(LocalDate day, Document update) {
        Document counted = new Document(update).append("$inc", new Document(CHANGES, 1));
        return Mono.from(days.findOneAndUpdate(Filters.eq("_id", day.toString()), counted, COUNTED))
                .flatMap(changed -> Mono.from(versions.updateOne(Filters.eq("_id", YearMonth.from(day).toString()),
                        new Document("$max", new Document("days." + day.getDayOfMonth(), changes(changed))),
                        UPSERT)))
                .then();
    }

    /** The tally of every day that has entries among {@code wanted}; days without any are left out. */
    Mono<Map<LocalDate, Tally>> tallies(Collection<LocalDate> wanted) {
        List<String> months = wanted.stream().map(day -> YearMonth.from(day).toString()).distinct().toList();
        return Flux.from(versions.find(Filters.in("_id", months))).collectList().flatMap(found -> {
            Map<LocalDate, Long> changes = new HashMap<>();
            for (Document month : found) {
                YearMonth yearMonth = YearMonth.parse(month.getString("_id"));
                month.get("days", Document.class).forEach((day, n) -> changes.put(
                        yearMonth.atDay(Integer.parseInt(day)), ((Number) n).longValue()));
            }
            changes.keySet().retainAll(new HashSet<>(wanted));
            Map<LocalDate, Tally> result = new HashMap<>();
            List<LocalDate> missing = new ArrayList<>();
            changes.forEach((day, version) -> {
                Counted counted = inMemory.get(day);
                if (counted != null && counted.changes() >= version) {
                    result.put(day, counted.tally());
                } else {
                    missing.add(day);
                }
            });
            return missing.isEmpty() ? Mono.just(result) : stored(missing, changes, result);
        });
    }

    /** The tallies stored and up to date, and the others counted again from their day and stored. */
    private Mono<Map<LocalDate, Tally>> stored(List<LocalDate> missing, Map<LocalDate, Long> changes,
                                               Map<LocalDate, Tally> result) {
        List<String> ids = missing.stream().map(LocalDate::toString).toList();
        return Flux.from(tallies.find(Filters.in("_id", ids))).collectList().flatMap(found -> {
            List<String> outdated = new ArrayList<>(ids);
            for (Document stored : found) {
                LocalDate day = LocalDate.parse(stored.getString("_id"));
                if (changes(stored) >= changes.get(day)) {
                    result.put(day, remember(day, changes(stored), Tally.of(stored.get("tally", Document.class))));
                    outdated.remove(day.toString());
                }
            }
            if (outdated.isEmpty()) {
                return Mono.just(result);
            }
            // A few days a read: the store holds a query's whole answer in memory, and two years of days at once
            // (the first reading after a history arrives) is more than its heap.
            return Flux.fromIterable(outdated).buffer(DAYS_PER_READ)
                    .concatMap(batch -> Flux.from(days.find(Filters.in("_id", batch))), 1)
                    .flatMap(day -> keep(day.getString("_id"), changes(day), count.apply(day)), PARALLEL_WRITES)
                    .doOnNext(counted -> result.put(counted.getKey(), counted.getValue()))
                    .then(Mono.fromSupplier(() -> result));
        });
    }

    /**
     * Stores a day's tally with the number of changes it was counted from. Two readers may store one at the same
     * time, an older one last; the next reader then sees it out of date and counts again, so no write is guarded.
     */
    private Mono<Map.Entry<LocalDate, Tally>> keep(String id, long changes, Tally tally) {
        LocalDate day = LocalDate.parse(id);
        Document document = new Document("_id", id).append(CHANGES, changes).append("tally", tally.toDocument());
        return Mono.from(tallies.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true)))
                .doOnError(e -> log.debug("A tally of {} was not stored; it is counted again when next read", id, e))
                .onErrorComplete()
                .then(Mono.fromSupplier(() -> Map.entry(day, remember(day, changes, tally))));
    }

    private Tally remember(LocalDate day, long changes, Tally tally) {
        inMemory.merge(day, new Counted(changes, tally),
                (old, counted) -> old.changes() >= counted.changes() ? old : counted);
        while (inMemory.size() > DAYS_IN_MEMORY) {
            inMemory.pollFirstEntry();
        }
        return tally;
    }

    private static long changes(Document document) {
        Number changes = document.get(CHANGES, Number.class);
        return changes == null ? 0L : changes.longValue();
    }
}
