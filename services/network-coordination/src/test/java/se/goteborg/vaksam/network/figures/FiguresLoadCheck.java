package se.goteborg.vaksam.network.figures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.reactivestreams.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.network.NetworkCoordinationApplication;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TestTokens;

/**
 * Not a test: a check by hand that the dashboard stays fast with a long history, on the store the local run uses
 * (mongo-java-server's H2 file backend). Starts the service on an embedded broker and registry, writes a history of
 * tips and alerts through the same repository calls the listeners make (so it also gives how fast the figures take
 * in events, without the broker's share), then times the dashboard, the API and a quarterly report. Run from
 * {@code services/network-coordination} with the test class path, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat target/test-classpath) ...FiguresLoadCheck 100000}.
 */
public final class FiguresLoadCheck {

    static final int MEMBERS = 200;

    private FiguresLoadCheck() {
    }

    public static void main(String[] args) throws Exception {
        int tips = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 730;
        Path file = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("figures-load").resolve("store.mv");
        boolean seeded = Files.exists(file);
        MongoServer store = new MongoServer(new H2Backend(file.toString()));
        String mongo = "mongodb://" + store.bind().getHostString() + ":" + store.getLocalAddress().getPort();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(
                NetworkCoordinationApplication.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                        "--vaksam.registry.url=" + SchemaRegistryServer.shared().url(), "--vaksam.mongo.uri=" + mongo,
                        "--vaksam.mongo.database=network-load", "--vaksam.security.issuer=" + TestTokens.ISSUER,
                        "--vaksam.security.jwk-set-uri=" + TestTokens.jwkSetUri(), "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            String token = TestTokens.coordinator();
            if (!seeded) {
                seed(service, enrol(http, port, token, MEMBERS), tips, days);
            }
            timeTallies(service, days);
            LocalDate today = LocalDate.now(FigurePeriod.CITY_TIME);
            Quarter previous = Quarter.of(today).previous();
            for (String path : List.of("/network", "/network", "/api/v1/network/figures/tips",
                    "/api/v1/network/figures/alerts", "/network?from=" + today.minusYears(2) + "&to="
                            + today.plusDays(1) + "&by=week", "/network/reports/" + previous.code())) {
                time(http, port, token, path);
            }
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("heap in use after a collection (broker and store included): %d MB%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        } finally {
            store.shutdown();
        }
        // The embedded broker and the registry's child JVM stop with this one.
        System.exit(0);
    }

    /** Members enrolled through the API, as coordinators do; their ids. */
    private static List<String> enrol(HttpClient http, int port, String token, int count) throws Exception {
        String[] types = {"HOTEL", "HOTEL", "HOSTEL", "TAXI", "RESTAURANT", "VENUE"};
        String[] postalCodes = {"411 19", "416 60", "417 05", "421 30"};
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"type\":\"" + types[i % types.length] + "\",\"name\":\"Medlem " + i
                    + "\",\"orgNumber\":\"556000-0001\",\"address\":{\"streetAddress\":\"Gatan " + i
                    + "\",\"postalCode\":\"" + postalCodes[i % postalCodes.length] + "\",\"city\":\"Göteborg\"},"
                    + "\"joinedOn\":\"" + LocalDate.now().minusDays(i * 5L) + "\"}";
            String created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/members")).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString()).body();
            ids.add(created.replaceAll(".*\"memberId\":\"([^\"]+)\".*", "$1"));
        }
        return ids;
    }

    private static void seed(ConfigurableApplicationContext service, List<String> members, int tips, int days) {
        TipFactsRepository tipFacts = service.getBean(TipFactsRepository.class);
        AlertFactsRepository alertFacts = service.getBean(AlertFactsRepository.class);
        MongoDatabase database = service.getBean(MongoDatabase.class);
        Random random = new Random(100_000);
        Instant now = Instant.now();
        AtomicLong events = new AtomicLong();
        long started = System.nanoTime();
        // Oldest first, as the topics hold them: a day's documents are busy while its events come, then left alone.
        Flux.range(0, tips).concatMap(i -> {
            Instant submittedAt = now.minus(Duration.ofDays(days)).plus(Duration.ofMinutes(
                    (long) i * days * 24 * 60 / tips + random.nextInt(60)));
            String member = members.get(random.nextInt(members.size()));
            TipSubmitted tip = (i % 3 == 0
                    ? FigureEvents.taxi(member, submittedAt, "411 19", random.nextBoolean() ? "417 05" : "421 30", "x")
                    : FigureEvents.hotel(member, submittedAt, random.nextBoolean() ? "411 19" : "416 60", "x"))
                    .build();
            List<Mono<Void>> writes = new ArrayList<>();
            writes.add(tipFacts.record(TipFact.of(tip, i % 3 == 0 ? "TAXI" : "HOTEL")));
            for (Recipient recipient : Arrays.asList(Recipient.POLICE, Recipient.MIKAMOTTAGNINGEN,
                    Recipient.REGION_COORDINATORS)) {
                if (recipient != Recipient.POLICE && random.nextInt(4) == 0) {
                    continue;
                }
                Instant routedAt = submittedAt.plusSeconds(1);
                AlertRouted alert = FigureEvents.routed(tip, recipient, Priority.values()[random.nextInt(3)],
                        routedAt, "x");
                Mono<Void> life = alertFacts.routed(alert);
                if (random.nextInt(10) < 9) {
                    life = life.then(alertFacts.statusChanged(FigureEvents.status(alert, AlertStatus.ACKNOWLEDGED,
                            null, routedAt.plus(Duration.ofMinutes((long) Math.exp(random.nextDouble() * 7))))));
                }
                if (random.nextInt(10) < 6) {
                    life = life.then(alertFacts.statusChanged(FigureEvents.status(alert,
                            AlertStatus.OUTCOME_RECORDED, random.nextBoolean() ? "ACTED" : "NO_ACTION",
                            routedAt.plus(Duration.ofDays(1)))));
                }
                writes.add(life);
            }
            return Mono.just(Flux.concat(writes).doOnComplete(() -> {
                if (events.incrementAndGet() % 10_000 == 0) {
                    System.out.printf("%d tips after %.0f s%n", events.get(), (System.nanoTime() - started) / 1e9);
                }
            }));
        }).flatMap(writes -> writes, 8).blockLast();
        double seconds = (System.nanoTime() - started) / 1e9;
        long alerts = Mono.from(database.getCollection(AlertFactsRepository.COLLECTION).countDocuments())
                .block();
        long statusChanges = Mono.from(database.getCollection(AlertFactsRepository.COLLECTION)
                .countDocuments(new Document("acknowledgedAt", new Document("$exists", true)))).block()
                + Mono.from(database.getCollection(AlertFactsRepository.COLLECTION)
                .countDocuments(new Document("outcome", new Document("$exists", true)))).block();
        System.out.printf("seeded %d tips, %d alerts and %d status changes over %d days in %.1f s: %.0f tips/s, "
                        + "%.0f events/s%n", tips, alerts, statusChanges, days, seconds, tips / seconds,
                (tips + alerts + statusChanges) / seconds);
        Mono.from(database.getCollection("meetings").insertOne(new Document("_id", "load-meeting")
                .append("kind", "MEETING").append("title", "Nätverksmöte").append("heldOn",
                        LocalDate.now().minusDays(30).toString()).append("attendeeMemberIds", members.subList(0, 40))
                .append("createdAt", new java.util.Date()).append("changedAt", new java.util.Date())
                .append("version", 0L))).block();
    }

    /** The store's share of a request: a year's and the whole history's tallies, as the figures read them. */
    private static void timeTallies(ConfigurableApplicationContext service, int days) {
        LocalDate today = LocalDate.now(FigurePeriod.CITY_TIME);
        for (int span : new int[] {365, days}) {
            List<LocalDate> period = today.minusDays(span - 1L).datesUntil(today.plusDays(1)).toList();
            for (int round = 0; round < 4; round++) {
                long started = System.nanoTime();
                int tipDays = service.getBean(TipFactsRepository.class).tallies(period).block().size();
                long tipsTook = (System.nanoTime() - started) / 1_000_000;
                started = System.nanoTime();
                int alertDays = service.getBean(AlertFactsRepository.class).tallies(period).block().size();
                long alertsTook = (System.nanoTime() - started) / 1_000_000;
                started = System.nanoTime();
                MongoDatabase database = service.getBean(MongoDatabase.class);
                List<String> ids = period.stream().map(LocalDate::toString).toList();
                Flux.from(database.getCollection(AlertFactsRepository.DAYS)
                        .find(com.mongodb.client.model.Filters.in("_id", ids))
                        .projection(com.mongodb.client.model.Projections.include(DayDocuments.CHANGES)))
                        .collectList().block();
                long probeTook = (System.nanoTime() - started) / 1_000_000;
                started = System.nanoTime();
                List<Document> stored = Flux.from(database.getCollection(AlertFactsRepository.TALLIES)
                        .find(com.mongodb.client.model.Filters.in("_id", ids))).collectList().block();
                long tallyReadTook = (System.nanoTime() - started) / 1_000_000;
                started = System.nanoTime();
                stored.forEach(d -> Tally.of(d.get("tally", Document.class)));
                System.out.printf("%d days' tallies: tips %d ms (%d days), alerts %d ms (%d days); alerts' probe %d ms,"
                                + " tally documents %d ms (%d chars), decoding them %d ms%n", span, tipsTook, tipDays,
                        alertsTook, alertDays, probeTook, tallyReadTook,
                        stored.stream().mapToInt(d -> d.toJson().length()).sum(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private static void time(HttpClient http, int port, String token, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build();
        List<Long> millis = new ArrayList<>();
        int status = 0;
        int bytes = 0;
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - started) / 1_000_000);
            status = response.statusCode();
            bytes = response.body().length();
        }
        System.out.printf("GET %s -> %d, %d chars: first %d ms, then %s ms%n", path, status, bytes, millis.get(0),
                millis.subList(1, millis.size()));
        String saveTo = System.getProperty("figures.pages");
        if (saveTo != null) {
            Path page = Path.of(saveTo).resolve(path.replaceAll("[^A-Za-z0-9-]+", "_") + ".html");
            Files.createDirectories(page.getParent());
            Files.writeString(page, http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }
}
