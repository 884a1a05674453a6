package se.goteborg.vaksam.premises.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.premises.register.RegisterEntry.Lease;

/**
 * The lettings register: one document per premises keyed by premises id, and an address index, one document per
 * index key of {@link SwedishAddress#indexKeys()} naming the premises under it. A lookup is one read of the index and
 * one of the register, both by primary key, so it never scans, in MongoDB and in the Mongo-compatible store of tests
 * and local runs alike (which has no secondary indexes).
 */
@Repository
public class LettingsRegisterRepository {

    static final String COLLECTION = "lettings_register";
    static final String ADDRESS_INDEX = "lettings_addresses";
    /** Rows read and written per round trip of an import: bounds the memory an import of 100,000 rows takes. */
    static final int IMPORT_BATCH = 1000;

    private static final String PREMISES_IDS = "premisesIds";
    private static final String INDEX_KEYS = "indexKeys";
    private static final String LEASE_HISTORY = "leaseHistory";

    private final MongoCollection<Document> register;
    private final MongoCollection<Document> addresses;
    private final Clock clock;

    LettingsRegisterRepository(MongoDatabase database, Clock clock) {
        this.register = database.getCollection(COLLECTION);
        this.addresses = database.getCollection(ADDRESS_INDEX);
        this.clock = clock;
    }

    /**
     * Every premises any of the index keys names. The index may still name premises that have moved since; the
     * caller judges each row by its own address.
     */
    Flux<RegisterEntry> findByIndexKeys(List<String> indexKeys) {
        return Flux.from(addresses.find(Filters.in("_id", indexKeys)).projection(Projections.include(PREMISES_IDS)))
                .collect(LinkedHashSet<String>::new,
                        (ids, index) -> ids.addAll(index.getList(PREMISES_IDS, String.class, List.of())))
                .flatMapMany(ids -> ids.isEmpty() ? Flux.empty()
                        : Flux.from(register.find(Filters.in("_id", List.copyOf(ids)))))
                .map(LettingsRegisterRepository::entry);
    }

    /**
     * Inserts or replaces every row by premises id; re-importing the same rows changes nothing. A row whose tenant
     * or lease start changed keeps the lease it replaces in its history. The address index is written before the
     * rows, so a row is never stored without being findable, and a row that moved is taken out of its old index
     * entries after it is stored at its new address.
     */
    Mono<ImportResult> upsertAll(List<RegisterEntry> entries) {
        Date now = Date.from(clock.instant());
        List<List<RegisterEntry>> batches = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += IMPORT_BATCH) {
            batches.add(entries.subList(from, Math.min(entries.size(), from + IMPORT_BATCH)));
        }
        return Flux.fromIterable(batches)
                .concatMap(batch -> upsertBatch(batch, now))
                .reduce(0, Integer::sum)
                .map(added -> new ImportResult(entries.size(), added, entries.size() - added));
    }

    /** Writes one batch; emits how many of its premises were new. */
    private Mono<Integer> upsertBatch(List<RegisterEntry> batch, Date now) {
        List<String> ids = batch.stream().map(RegisterEntry::premisesId).toList();
        return Flux.from(register.find(Filters.in("_id", ids)))
                .collectMap(row -> row.getString("_id"))
                .flatMap(stored -> write(batch, stored, now));
    }

    private Mono<Integer> write(List<RegisterEntry> batch, Map<String, Document> stored, Date now) {
        Map<String, List<String>> idsByKey = new LinkedHashMap<>();
        Map<String, List<String>> movedOutByKey = new LinkedHashMap<>();
        List<WriteModel<Document>> rowWrites = new ArrayList<>(batch.size());
        for (RegisterEntry entry : batch) {
            SwedishAddress address = address(entry);
            List<String> keys = address.indexKeys();
            keys.forEach(key -> idsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.premisesId()));
            Document before = stored.get(entry.premisesId());
            List<Lease> history = List.of();
            if (before != null) {
                history = history(entry(before), entry.lease());
                for (String oldKey : indexKeys(before)) {
                    if (!keys.contains(oldKey)) {
                        movedOutByKey.computeIfAbsent(oldKey, k -> new ArrayList<>()).add(entry.premisesId());
                    }
                }
            }
            rowWrites.add(new ReplaceOneModel<>(Filters.eq("_id", entry.premisesId()),
                    document(entry, address, keys, history, now), new ReplaceOptions().upsert(true)));
        }
        List<WriteModel<Document>> indexWrites = new ArrayList<>(idsByKey.size());
        idsByKey.forEach((key, ids) -> indexWrites.add(new UpdateOneModel<>(Filters.eq("_id", key),
                Updates.addEachToSet(PREMISES_IDS, ids), new UpdateOptions().upsert(true))));
        List<WriteModel<Document>> movedOut = new ArrayList<>(movedOutByKey.size());
        movedOutByKey.forEach((key, ids) -> movedOut.add(new UpdateOneModel<>(Filters.eq("_id", key),
                Updates.pullAll(PREMISES_IDS, ids))));
        int added = batch.size() - stored.size();
        return Mono.from(addresses.bulkWrite(indexWrites))
                .then(Mono.from(register.bulkWrite(rowWrites)))
                .then(movedOut.isEmpty() ? Mono.empty() : Mono.from(addresses.bulkWrite(movedOut)))
                .thenReturn(added);
    }

    /**
     * The earlier leases once {@code current} replaces the stored row's lease: the stored lease joins them unless
     * it is the same tenancy as the current one (perhaps with an end date added) or the premises stood empty. Each
     * tenancy is there once, as it was known last, and never the current one, so re-imports, even of an older file,
     * never repeat one.
     */
    static List<Lease> history(RegisterEntry stored, Lease current) {
        Lease previous = stored.lease();
        List<Lease> earlier = stored.leaseHistory();
        boolean replaced = !previous.isVacancy() && !previous.sameTenancy(current);
        List<Lease> history = new ArrayList<>(earlier.size() + 1);
        for (Lease lease : earlier) {
            if (!lease.sameTenancy(current) && !(replaced && lease.sameTenancy(previous))) {
                history.add(lease);
            }
        }
        if (replaced) {
            history.add(previous);
        }
        return history;
    }

    private static SwedishAddress address(RegisterEntry entry) {
        return SwedishAddress.parse(entry.streetAddress(), entry.postalCode(), entry.city()).orElseThrow(
                () -> new IllegalArgumentException("premises " + entry.premisesId() + " have no street to match on"));
    }

    private static List<String> indexKeys(Document row) {
        List<String> keys = row.getList(INDEX_KEYS, String.class);
        if (keys != null) {
            return keys;
        }
        // Rows stored before the index carried its keys on the row: work them out from the address.
        return SwedishAddress.parse(row.getString("streetAddress"), row.getString("postalCode"), row.getString("city"))
                .map(SwedishAddress::indexKeys).orElse(List.of());
    }

    private static Document document(RegisterEntry entry, SwedishAddress address, List<String> indexKeys,
                                     List<Lease> history, Date importedAt) {
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
                .append(LEASE_HISTORY, history.stream().map(LettingsRegisterRepository::document).toList())
                .append("addressKey", address.key())
                .append(INDEX_KEYS, indexKeys)
                .append("importedAt", importedAt);
    }

    private static Document document(Lease lease) {
        return new Document("tenantOrgNumber", lease.tenantOrgNumber())
                .append("tenantName", lease.tenantName())
                .append("industryCode", lease.industryCode())
                .append("leaseStart", isoDate(lease.leaseStart()))
                .append("leaseEnd", isoDate(lease.leaseEnd()));
    }

    private static RegisterEntry entry(Document document) {
        List<Lease> history = document.getList(LEASE_HISTORY, Document.class, List.of()).stream()
                .map(lease -> new Lease(lease.getString("tenantOrgNumber"), lease.getString("tenantName"),
                        lease.getString("industryCode"), date(lease.getString("leaseStart")),
                        date(lease.getString("leaseEnd"))))
                .toList();
        return new RegisterEntry(document.getString("_id"), document.getString("propertyDesignation"),
                document.getString("streetAddress"), document.getString("postalCode"), document.getString("city"),
                document.getString("landlord"), document.getString("tenantOrgNumber"),
                document.getString("tenantName"), document.getString("industryCode"),
                date(document.getString("leaseStart")), date(document.getString("leaseEnd")), history);
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
