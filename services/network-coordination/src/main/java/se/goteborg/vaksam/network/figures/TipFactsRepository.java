package se.goteborg.vaksam.network.figures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tips' facts: an entry per tip in its day's document ({@value #DAYS}; see {@link DayDocuments} for
 * {@value #VERSIONS} and {@value #TALLIES}), each member's last day of reporting ({@value #MEMBERS}, by member id)
 * and the first day of any tip ({@value #META}).
 * Every write is an idempotent upsert by id ({@code $set} of the tip's own entry, {@code $max}, {@code $min}), so a
 * tip counted twice, in any order, or again from a replay of the topic, leaves every document as it was, and a tip
 * whose handling stopped between two writes is completed when it is delivered again.
 */
@Repository
class TipFactsRepository {

    static final String PREFIX = "tip";
    static final String DAYS = PREFIX + "_days";
    static final String VERSIONS = PREFIX + "_day_versions";
    static final String TALLIES = PREFIX + "_day_tallies";
    static final String MEMBERS = "member_reports";
    static final String META = "figure_meta";
    private static final String TIPS_META = "tips";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final DayDocuments days;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> meta;

    TipFactsRepository(MongoDatabase database) {
        this.days = new DayDocuments(database, PREFIX, TipFact::count);
        this.members = database.getCollection(MEMBERS);
        this.meta = database.getCollection(META);
    }

    Mono<Void> record(TipFact tip) {
        String day = tip.day().toString();
        return days.update(tip.day(), new Document("$set", new Document("t." + Codes.key(tip.tipId()), tip.entry())))
                .then(Mono.from(members.updateOne(Filters.eq("_id", tip.memberId()),
                        new Document("$max", new Document("lastReportedOn", day))
                                .append("$min", new Document("firstReportedOn", day)), UPSERT)))
                .then(Mono.from(meta.updateOne(Filters.eq("_id", TIPS_META),
                        new Document("$min", new Document("firstDay", day)), UPSERT)))
                .then();
    }

    Mono<Map<LocalDate, Tally>> tallies(Collection<LocalDate> days) {
        return this.days.tallies(days);
    }

    /** The last day each of these members reported a tip on; members that never did are left out. */
    Mono<Map<String, LocalDate>> lastReported(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.from(members.find(Filters.in("_id", memberIds)))
                .collectMap(report -> report.getString("_id"),
                        report -> LocalDate.parse(report.getString("lastReportedOn")));
    }

    /** The day of the first tip the figures know of. */
    Mono<LocalDate> firstDay() {
        return Mono.from(meta.find(Filters.eq("_id", TIPS_META)).first())
                .map(document -> LocalDate.parse(document.getString("firstDay")));
    }
}
