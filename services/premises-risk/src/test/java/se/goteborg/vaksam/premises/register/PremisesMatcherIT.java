package se.goteborg.vaksam.premises.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.premises.register.LettingsRegisterRepository.ImportResult;
import se.goteborg.vaksam.premises.register.RegisterEntry.Lease;
import se.goteborg.vaksam.testsupport.MongoStore;

/**
 * The matcher against the Mongo-compatible store, watching every command the driver sends: lookups read the register
 * and its address index by primary key only, whatever the register holds.
 */
class PremisesMatcherIT {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    static final Set<String> REGISTER_COLLECTIONS = Set.of(LettingsRegisterRepository.COLLECTION,
            LettingsRegisterRepository.ADDRESS_INDEX);
    static final List<String> STREETS = List.of("Kungsgatan", "Drottninggatan", "Södra Hamngatan", "Östra Hamngatan",
            "Västra Hamngatan", "Linnégatan", "Första Långgatan", "Andra Långgatan", "Vasagatan", "Vallgatan",
            "Sankt Eriksgatan", "Kungsportsavenyen", "Redbergsvägen", "Eklandagatan", "Haga Nygata", "Järntorget",
            "Olof Palmes plats", "Karl Johansgatan", "Sprängkullsgatan", "Stampgatan");

    static final List<Command> commands = new CopyOnWriteArrayList<>();
    static MongoClient client;

    MongoDatabase database;
    LettingsRegisterRepository register;
    PremisesMatcher matcher;

    record Command(String name, String collection, List<BsonDocument> filters) {
    }

    @BeforeAll
    static void connect() {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(command(event.getCommandName(), event.getCommand()));
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoStore.uri()))
                .addCommandListener(listener)
                .build());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshRegister() {
        database = client.getDatabase("matcher-it-" + UUID.randomUUID());
        register = new LettingsRegisterRepository(database, CLOCK);
        matcher = new PremisesMatcher(register, CLOCK);
    }

    /** The command's collection and the filters it selects documents by, copied before the driver reuses it. */
    static Command command(String name, BsonDocument command) {
        BsonValue target = command.get(name);
        String collection = target != null && target.isString() ? target.asString().getValue() : "";
        List<BsonDocument> filters = new ArrayList<>();
        switch (name) {
            case "find", "count", "aggregate", "distinct" ->
                    filters.add(command.getDocument("filter", command.getDocument("query", new BsonDocument())).clone());
            case "update", "delete" -> {
                BsonArray statements = command.getArray(name.equals("update") ? "updates" : "deletes", new BsonArray());
                statements.forEach(statement -> filters.add(statement.asDocument().getDocument("q").clone()));
            }
            default -> {
            }
        }
        return new Command(name, collection, filters);
    }

    @Test
    void lookupsReadTheRegisterByPrimaryKeyOnly() {
        List<RegisterEntry> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String street = STREETS.get(i % STREETS.size());
            int number = 1 + i / STREETS.size();
            String letter = i % 7 == 0 ? "A" : "";
            rows.add(new RegisterEntry("P-%05d".formatted(i), "Inom Vallgraven %d:%d".formatted(i % 90, i % 13),
                    street + " " + number + letter, "4%02d %02d".formatted(11 + i % 7, 10 + i % 80), "Göteborg",
                    "Higab AB", "559900-%04d".formatted(i), "Hyresgäst %d AB".formatted(i), "96.040",
                    LocalDate.of(2020, 1, 1), null));
        }
        rows.add(entry("P-KUNGS-12", "Kungsgatan 120", "411 19", "Lotus Massage & Spa AB"));
        commands.clear();
        ImportResult imported = register.upsertAll(rows).block();
        assertThat(imported).isEqualTo(new ImportResult(2_001, 2_001, 0));
        assertThat(commands).as("the import selects by primary key only")
                .filteredOn(command -> REGISTER_COLLECTIONS.contains(command.collection()))
                .isNotEmpty()
                .allSatisfy(PremisesMatcherIT::selectsByIdOnly);

        assertLookup("Kungsgatan 120", "411 19", "Göteborg", MatchLevel.EXACT, "P-KUNGS-12");
        assertLookup("kungsg. 120, 411 19 Gbg", null, null, MatchLevel.EXACT, "P-KUNGS-12");
        assertLookup("Kungsgatan 120", null, "Gothenburg", MatchLevel.PROBABLE, "P-KUNGS-12");
        assertLookup("Linnegatan 6", null, "Göteborg", MatchLevel.PROBABLE, "P-00105");
        assertLookup("Kungsgatan 122", "411 19", "Göteborg", MatchLevel.NONE, null);
        assertLookup("Kungsgatan 120", "111 43", "Stockholm", MatchLevel.NONE, null);
        assertLookup("Okändgatan 99", "999 99", null, MatchLevel.NONE, null);
    }

    void assertLookup(String street, String postalCode, String city, MatchLevel level, String premisesId) {
        commands.clear();
        PremisesMatch match = matcher.match(street, postalCode, city).block();

        assertThat(match.level()).as(street).isEqualTo(level);
        assertThat(match.found().map(RegisterEntry::premisesId).orElse(null)).as(street).isEqualTo(premisesId);
        List<Command> sent = commands.stream().filter(c -> REGISTER_COLLECTIONS.contains(c.collection())).toList();
        assertThat(sent).as("commands of one lookup of %s", street)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(2)
                .allSatisfy(command -> assertThat(command.name()).isEqualTo("find"))
                .allSatisfy(PremisesMatcherIT::selectsByIdOnly);
        assertThat(commands).extracting(Command::name).doesNotContain("aggregate", "count", "distinct", "mapReduce");
    }

    static void selectsByIdOnly(Command command) {
        assertThat(command.name()).isNotIn("aggregate", "count", "distinct", "mapReduce");
        assertThat(command.filters()).as("%s on %s", command.name(), command.collection())
                .allSatisfy(filter -> {
                    assertThat(filter.keySet()).containsExactly("_id");
                    BsonValue id = filter.get("_id");
                    if (id.isDocument()) {
                        assertThat(id.asDocument().keySet()).containsExactly("$in");
                    }
                });
    }

    @Test
    void aReimportChangesNothingAndEndedLeasesAreKeptAsHistory() {
        RegisterEntry running = entry("P-1", "Vasagatan 22", "411 24", "Vasa Kroppsvård HB");
        RegisterEntry vacant = new RegisterEntry("P-2", "Vasastaden 1:1", "Vasagatan 24", "411 24", "Göteborg",
                "Familjebostäder i Göteborg AB", null, null, null, null, null);
        assertThat(register.upsertAll(List.of(running, vacant)).block()).isEqualTo(new ImportResult(2, 2, 0));
        assertThat(register.upsertAll(List.of(running, vacant)).block()).isEqualTo(new ImportResult(2, 0, 2));
        assertThat(premises("Vasagatan 22").leaseHistory()).isEmpty();
        assertThat(indexEntries("f|vasagatan|22")).containsExactly("P-1");

        RegisterEntry newTenant = withLease(running, "559900-2222", "Ny Hyresgäst AB", "47.110",
                LocalDate.of(2025, 1, 1), null);
        register.upsertAll(List.of(newTenant, vacant)).block();
        register.upsertAll(List.of(newTenant, vacant)).block();
        assertThat(premises("Vasagatan 22").leaseHistory()).as("the replaced lease, once")
                .containsExactly(running.lease());

        RegisterEntry ended = withLease(newTenant, newTenant.tenantOrgNumber(), newTenant.tenantName(),
                newTenant.industryCode(), newTenant.leaseStart(), LocalDate.of(2025, 12, 31));
        register.upsertAll(List.of(ended)).block();
        PremisesMatch endedMatch = matcher.match("Vasagatan 22", "411 24", "Göteborg").block();
        assertThat(endedMatch.level()).as("premises whose lease ended stay in the register").isEqualTo(MatchLevel.EXACT);
        assertThat(endedMatch.premises().leasedOn(TODAY)).isFalse();
        assertThat(endedMatch.premises().leaseHistory()).as("an end date is no new lease")
                .containsExactly(running.lease());

        RegisterEntry third = withLease(running, "559900-3333", "Tredje AB", "96.040", LocalDate.of(2026, 2, 1), null);
        register.upsertAll(List.of(third)).block();
        register.upsertAll(List.of(third)).block();
        assertThat(premises("Vasagatan 22").leaseHistory()).as("oldest first")
                .containsExactly(running.lease(), ended.lease());

        register.upsertAll(List.of(newTenant)).block();
        assertThat(premises("Vasagatan 22").leaseHistory()).as("an older file again: never the current tenancy")
                .containsExactly(running.lease(), third.lease());
        register.upsertAll(List.of(third)).block();
        assertThat(premises("Vasagatan 22").leaseHistory()).as("each tenancy once, as last known")
                .containsExactly(running.lease(), newTenant.lease());
    }

    @Test
    void premisesThatMoveLeaveTheirOldIndexEntries() {
        RegisterEntry before = entry("P-MOVE", "Flyttgatan 1", "411 03", "Flytt AB");
        register.upsertAll(List.of(before, entry("P-STAY", "Flyttgatan 1B", "411 03", "Kvar AB"))).block();
        assertThat(indexEntries("f|flyttgatan|1")).containsExactly("P-MOVE", "P-STAY");

        register.upsertAll(List.of(new RegisterEntry("P-MOVE", before.propertyDesignation(), "Flyttgatan 3", "411 03",
                "Göteborg", before.landlord(), before.tenantOrgNumber(), before.tenantName(), before.industryCode(),
                before.leaseStart(), null))).block();

        assertThat(indexEntries("f|flyttgatan|1")).containsExactly("P-STAY");
        assertThat(indexEntries("n|1|41103")).containsExactly("P-STAY");
        assertThat(indexEntries("f|flyttgatan|3")).containsExactly("P-MOVE");
        assertThat(matcher.match("Flyttgatan 1", "411 03", null).block().premises().premisesId())
                .as("the premises still at number 1, by its letter on one side").isEqualTo("P-STAY");
        assertThat(matcher.match("Flyttgatan 3", "411 03", null).block().level()).isEqualTo(MatchLevel.EXACT);
    }

    @Test
    void amongPremisesAtOneAddressTheExactOneLetTodayIsChosen() {
        RegisterEntry ended = withLease(entry("P-A", "Magasinsgatan 5", "411 18", "Förr AB"), "559900-1000", "Förr AB",
                "96.040", LocalDate.of(2019, 1, 1), LocalDate.of(2024, 6, 30));
        RegisterEntry letToday = entry("P-B", "Magasinsgatan 5", "411 18", "Nu AB");
        RegisterEntry withLetter = entry("P-0", "Magasinsgatan 5A", "411 18", "Bokstaven AB");
        register.upsertAll(List.of(ended, letToday, withLetter)).block();

        PremisesMatch match = matcher.match("Magasinsgatan 5", "411 18", "Göteborg").block();
        assertThat(match.level()).isEqualTo(MatchLevel.EXACT);
        assertThat(match.premises().premisesId()).isEqualTo("P-B");
        assertThat(match.addressKey()).isEqualTo("magasinsgatan 5|41118");

        PremisesMatch letter = matcher.match("Magasinsgatan 5 a", "411 18", null).block();
        assertThat(letter.level()).isEqualTo(MatchLevel.EXACT);
        assertThat(letter.premises().premisesId()).isEqualTo("P-0");

        register.upsertAll(List.of(withLease(letToday, "559900-1001", "Nu AB", "96.040", LocalDate.of(2020, 1, 1),
                LocalDate.of(2025, 1, 31)))).block();
        PremisesMatch noneLetToday = matcher.match("Magasinsgatan 5", "411 18", null).block();
        assertThat(noneLetToday.level()).isEqualTo(MatchLevel.EXACT);
        assertThat(noneLetToday.premises().premisesId()).as("the lowest id when none is let").isEqualTo("P-A");
        assertThat(noneLetToday.premises().leasedOn(TODAY)).isFalse();
    }

    RegisterEntry premises(String street) {
        return matcher.match(street, "411 24", null).block().premises();
    }

    List<String> indexEntries(String key) {
        return Mono.from(database.getCollection(LettingsRegisterRepository.ADDRESS_INDEX)
                        .find(Filters.eq("_id", key)).first())
                .map(index -> index.getList("premisesIds", String.class))
                .defaultIfEmpty(List.of())
                .block();
    }

    static RegisterEntry entry(String id, String street, String postalCode, String tenant) {
        return new RegisterEntry(id, "Inom Vallgraven 1:1", street, postalCode, "Göteborg", "Higab AB", "559900-0011",
                tenant, "96.040", LocalDate.of(2023, 3, 1), null);
    }

    static RegisterEntry withLease(RegisterEntry entry, String orgNumber, String tenant, String industry,
                                   LocalDate start, LocalDate end) {
        Lease lease = new Lease(orgNumber, tenant, industry, start, end);
        return new RegisterEntry(entry.premisesId(), entry.propertyDesignation(), entry.streetAddress(),
                entry.postalCode(), entry.city(), entry.landlord(), lease.tenantOrgNumber(), lease.tenantName(),
                lease.industryCode(), lease.leaseStart(), lease.leaseEnd());
    }
}
