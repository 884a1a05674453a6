package se.goteborg.vaksam.premises.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The lettings register: one document per premises, keyed by premises id, found by its address key through an index. */
@Repository
public class LettingsRegisterRepository {

    static final String COLLECTION = "lettings_register";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    LettingsRegisterRepository(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    Mono<Void> createIndexes() {
        return Mono.from(collection.createIndex(Indexes.ascending("addressKey"), new IndexOptions().name("addressKey")))
                .then();
    }

    /** Every premises registered at the address, by an exact key match. */
    public Flux<RegisterEntry> findByAddressKey(String addressKey) {
        return Flux.from(collection.find(Filters.eq("addressKey", addressKey))).map(LettingsRegisterRepository::entry);
    }

    /** Inserts or replaces every row by premises id; re-importing the same rows changes nothing. */
    Mono<ImportResult> upsertAll(List<RegisterEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(new ImportResult(0, 0, 0));
        }
        Date now = Date.from(clock.instant());
        var writes = entries.stream()
                .map(entry -> new ReplaceOneModel<>(Filters.eq("_id", entry.premisesId()), document(entry, now),
                        new ReplaceOptions().upsert(true)))
                .toList();
        return Mono.from(collection.bulkWrite(writes))
                .map(result -> new ImportResult(entries.size(), result.getUpserts().size(), result.getMatchedCount()));
    }

    Mono<Long> count() {
        return Mono.from(collection.countDocuments());
    }

    private static Document document(RegisterEntry entry, Date importedAt) {
        return new Document("_id", entry.premisesId())
                .append("propertyDesignation", entry.propertyDesignation())
                .append("streetAddress", entry.streetAddress())
                .append("postalCode", entry.postalCode())
                .append("city", entry.city())
                .append("landlord", entry.landlord())
                .append("tenantOrgNumber", entry.tenantOrgNumber())
                .append("tenantName", entry.tenantName())
                .append("industryCode", entry.industryCode())
                .append("leaseStart", isoDate(entry.leaseStart()))
                .append("leaseEnd", isoDate(entry.leaseEnd()))
                .append("addressKey", entry.addressKey())
                .append("importedAt", importedAt);
    }

    private static RegisterEntry entry(Document document) {
        return new RegisterEntry(document.getString("_id"), document.getString("propertyDesignation"),
                document.getString("streetAddress"), document.getString("postalCode"), document.getString("city"),
                document.getString("landlord"), document.getString("tenantOrgNumber"),
                document.getString("tenantName"), document.getString("industryCode"),
                date(document.getString("leaseStart")), date(document.getString("leaseEnd")));
    }

    private static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    /** How an import went: rows in the file, premises new to the register, premises already there. */
    record ImportResult(int rows, int added, int updated) {
    }
}
