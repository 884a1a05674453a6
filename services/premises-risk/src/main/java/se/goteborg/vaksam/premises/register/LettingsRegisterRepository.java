package se.goteborg.vaksam.premises.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lettings register: one document per premises keyed by premises id, and an address index, one document per
 * address key naming the premises there. A match is two primary-key reads, so it never scans, in MongoDB and in
 * the Mongo-compatible store of tests and local runs alike (which has no secondary indexes).
 */
@Repository
public class LettingsRegisterRepository {

    static final String COLLECTION = "lettings_register";
    static final String ADDRESS_INDEX = "lettings_addresses";

    private final MongoCollection<Document> register;
    private final MongoCollection<Document> addresses;
    private final Clock clock;

    LettingsRegisterRepository(MongoDatabase database, Clock clock) {
        this.register = database.getCollection(COLLECTION);
        this.addresses = database.getCollection(ADDRESS_INDEX);
        this.clock = clock;
    }

    /**
     * Every premises registered at the address, by an exact key match. The index may still name premises that have
     * moved to another address since; their own row decides.
     */
    public Flux<RegisterEntry> findByAddressKey(String addressKey) {
        return Mono.from(addresses.find(Filters.eq("_id", addressKey)).first())
                .flatMapIterable(index -> index.getList("premisesIds", String.class, List.of()))
                .concatMap(premisesId -> Mono.from(register.find(Filters.eq("_id", premisesId)).first()))
                .filter(row -> addressKey.equals(row.getString("addressKey")))
                .map(LettingsRegisterRepository::entry);
    }

    /**
     * Inserts or replaces every row by premises id; re-importing the same rows changes nothing. The address index is
     * written first, so a row is never stored without being findable.
     */
    Mono<ImportResult> upsertAll(List<RegisterEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(new ImportResult(0, 0, 0));
        }
        Date now = Date.from(clock.instant());
        Map<String, List<String>> idsByAddress = entries.stream().collect(Collectors.groupingBy(
                RegisterEntry::addressKey, LinkedHashMap::new,
                Collectors.mapping(RegisterEntry::premisesId, Collectors.toList())));
        var indexWrites = idsByAddress.entrySet().stream()
                .map(address -> new UpdateOneModel<Document>(Filters.eq("_id", address.getKey()),
                        Updates.addEachToSet("premisesIds", address.getValue()), new UpdateOptions().upsert(true)))
                .toList();
        var rowWrites = entries.stream()
                .map(entry -> new ReplaceOneModel<>(Filters.eq("_id", entry.premisesId()), document(entry, now),
                        new ReplaceOptions().upsert(true)))
                .toList();
        return Mono.from(addresses.bulkWrite(indexWrites))
                .then(Mono.from(register.bulkWrite(rowWrites)))
                .map(result -> new ImportResult(entries.size(), result.getUpserts().size(), result.getMatchedCount()));
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
    public record ImportResult(int rows, int added, int updated) {
    }
}
