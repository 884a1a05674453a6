package se.goteborg.vaksam.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * The coordinators' dashboard with a network's history behind it. Seeds the stack with members (through the member
 * API) and {@code --tips} tips of history with their alerts and what the recipients did (straight onto the event
 * topics, the way the other services would have put them there: {@link FiguresHistory}), waits until
 * network-coordination has taken in every event (its consumer groups have no lag), then asks for the dashboard and
 * the figures at a fixed open-loop rate next to a baseline request refused by the gateway's route to the same service
 * before any handler. Run it on a stack of only the parts the dashboard needs (README, "Benchmarks"), since every
 * other service would also work through the history.
 */
public final class DashboardBench {

    static final String USAGE = """
            Usage: java -Dloader.main=se.goteborg.vaksam.bench.DashboardBench -jar bench/target/bench.jar [options]
            Seeds a stack with a network's history (members through the API, tips, alerts and their changes onto
            the topics), waits until network-coordination has projected it, then reports the response times of the
            dashboard, the quarterly report and the figures API (p50/p90/p99/max) next to a baseline.

              --base-url=URL        the gateway (default http://localhost:8080)
              --service-url=URL     network-coordination itself, for its pages with the coordinator's token as the
                                    gateway relays it (default http://localhost:8085)
              --kafka=HOST:PORT     the stack's broker (default localhost:9092)
              --registry=URL        the schema registry (default http://localhost:8090/apis/registry/v2)
              --client=ID           the coordinators' OAuth2 client (default coordinator-demo)
              --secret=SECRET       its secret (default coordinator-demo-secret)
              --tips=N              tips of history to seed (default 100000)
              --days=N              the days before today they are spread over (default 730)
              --members=N           members to enrol for them (default 40)
              --skip-seed           measure only: the stack holds its history already
              --rate=N              requests per second, taken in turn by each kind (default 4)
              --requests=N          measured requests of each kind (default 50)
              --warm-up=N           requests of each kind sent first, not measured (default 5)
              --help                this text
            """;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROJECTION_DEADLINE = Duration.ofHours(2);
    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");
    private static final Pattern MEMBER_ID = Pattern.compile("\"memberId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> SEEDED_TOPICS = Set.of(Topics.TIP_SUBMITTED.name(), Topics.ALERT_ROUTED.name(),
            Topics.ALERT_STATUS_CHANGED.name());
    private static final String TABLE = "  %-34s %6s %6s %6s %9s %9s %9s %9s%n";

    record Options(boolean help, URI baseUrl, URI serviceUrl, String kafka, String registry, String client,
                   String secret, int tips, int days, int members, boolean skipSeed, double rate, int requests,
                   int warmUp) {

        static Options parse(String[] args) {
            BenchArguments arguments = BenchArguments.parse(args, "skip-seed");
            if (arguments.help()) {
                return new Options(true, null, null, null, null, null, null, 0, 0, 0, false, 0, 0, 0);
            }
            Options options = new Options(false,
                    arguments.url("base-url", "http://localhost:8080"),
                    arguments.url("service-url", "http://localhost:8085"),
                    arguments.text("kafka", "localhost:9092"),
                    arguments.text("registry", "http://localhost:8090/apis/registry/v2"),
                    arguments.text("client", "coordinator-demo"),
                    arguments.text("secret", "coordinator-demo-secret"),
                    arguments.whole("tips", "100000", 1),
                    arguments.whole("days", "730", 1),
                    arguments.whole("members", "40", 2),
                    arguments.flag("skip-seed"),
                    arguments.positive("rate", "4"),
                    arguments.whole("requests", "50", 1),
                    arguments.whole("warm-up", "5", 0));
            arguments.requireAllRead();
            return options;
        }
    }

    /** One kind of request measured: what it asks for, of whom, and the status it must answer. */
    record Probe(String name, URI uri, boolean withToken, int expectedStatus) {
    }

    public static void main(String[] args) throws Exception {
        BenchMain.main(args, USAGE, Options::parse, Options::help, DashboardBench::run);
    }

    static int run(Options options) throws Exception {
        PrintStream out = System.out;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (!options.skipSeed()) {
            seed(options, http,
                    ClientToken.fetch(http, options.baseUrl(), options.client(), options.secret(), REQUEST_TIMEOUT), out);
        }
        // A fresh token: seeding outlasts one.
        String token = ClientToken.fetch(http, options.baseUrl(), options.client(), options.secret(), REQUEST_TIMEOUT);
        List<Probe> probes = probes(options);
        // The first request after the history arrived counts every day once; later ones read the tallies.
        Map<Probe, Series> first = measure(http, token, List.of(probes.get(1)), options.rate(), 1);
        out.printf(Locale.ROOT, "First request for %s: %s ms%n", probes.get(1).name(),
                Report.millis(first.get(probes.get(1)).maxMillis()));
        Map<Probe, Series> warmUp = measure(http, token, probes, options.rate(), options.warmUp());
        Map<Probe, Series> measured = measure(http, token, probes, options.rate(), options.requests());
        report(out, options, warmUp, measured);
        boolean unexpected = measured.values().stream().anyMatch(series -> series.otherCount() > 0);
        return unexpected ? 2 : 0;
    }

    private static void seed(Options options, HttpClient http, String token, PrintStream out) throws Exception {
        long started = System.nanoTime();
        List<FiguresHistory.Member> members = enrol(options, http, token);
        out.printf(Locale.ROOT, "Enrolled %d members in %.1f s%n", members.size(), seconds(started));

        Map<String, Object> config = new HashMap<>(SerdeConfig.forRegistry(options.registry()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // By class, not as instances: Kafka configures only the serializers it makes itself.
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
        AtomicLong events = new AtomicLong();
        long publishing = System.nanoTime();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config)) {
            new FiguresHistory(20261207L, members).generate(options.tips(), options.days(), Instant.now(), event -> {
                producer.send(record(event));
                events.incrementAndGet();
            });
            producer.flush();
        }
        out.printf(Locale.ROOT, "Published %d events (%d tips with their alerts and changes) in %.1f s%n",
                events.get(), options.tips(), seconds(publishing));

        long projecting = System.nanoTime();
        awaitNoLag(options.kafka(), out);
        out.printf(Locale.ROOT, "network-coordination took them in %.1f s after publishing ended (%.0f events/s)%n",
                seconds(projecting), events.get() / Math.max(0.001, seconds(publishing)));
    }

    private static List<FiguresHistory.Member> enrol(Options options, HttpClient http, String token)
            throws Exception {
        String[] types = {"HOTEL", "HOTEL", "HOTEL", "HOSTEL", "RESTAURANT", "TAXI", "TAXI", "VENUE"};
        String[] postalCodes = {"411 19", "413 27", "414 63", "412 51", "417 56", "421 30", "424 65", "422 46"};
        List<FiguresHistory.Member> members = new ArrayList<>();
        for (int i = 0; i < options.members(); i++) {
            String type = types[i % types.length];
            String body = """
                    {"type":"%s","name":"Benchmedlem %d","orgNumber":"556000-0001",
                     "address":{"streetAddress":"Benchgatan %d","postalCode":"%s","city":"Göteborg"},
                     "joinedOn":"%s"}""".formatted(type, i + 1, i + 1, postalCodes[i % postalCodes.length],
                    LocalDate.now(CITY_TIME).minusDays(options.days() + 30L));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(options.baseUrl() + "/api/v1/members"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = MEMBER_ID.matcher(response.body());
            if (response.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("enrolling a member answered HTTP " + response.statusCode());
            }
            members.add(new FiguresHistory.Member(id.group(1), type.equals("TAXI")));
        }
        return members;
    }

    private static ProducerRecord<String, SpecificRecord> record(SpecificRecord event) {
        if (event instanceof TipSubmitted tip) {
            return new ProducerRecord<>(Topics.TIP_SUBMITTED.name(), tip.getTipId(), tip);
        }
        if (event instanceof AlertRouted alert) {
            return new ProducerRecord<>(Topics.ALERT_ROUTED.name(), alert.getAlertId(), alert);
        }
        AlertStatusChanged change = (AlertStatusChanged) event;
        return new ProducerRecord<>(Topics.ALERT_STATUS_CHANGED.name(), change.getAlertId(), change);
    }

    /** Until every consumer group of network-coordination has committed the end of every seeded topic. */
    private static void awaitNoLag(String kafka, PrintStream out) throws Exception {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", kafka);
        try (Admin client = Admin.create(admin)) {
            Instant deadline = Instant.now().plus(PROJECTION_DEADLINE);
            long lastReport = 0;
            while (true) {
                long lag = lag(client);
                if (lag == 0) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("network-coordination still " + lag + " events behind");
                }
                if (System.nanoTime() - lastReport > Duration.ofSeconds(30).toNanos()) {
                    out.printf(Locale.ROOT, "  network-coordination is %d events behind%n", lag);
                    lastReport = System.nanoTime();
                }
                OpenLoop.waitUntil(System.nanoTime() + Duration.ofSeconds(2).toNanos());
            }
        }
    }

    private static long lag(Admin client) throws Exception {
        List<String> groups = client.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(group -> group.startsWith("network-coordination")).toList();
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (String group : groups) {
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().entrySet()) {
                if (SEEDED_TOPICS.contains(offset.getKey().topic()) && offset.getValue() != null) {
                    committed.merge(offset.getKey(), offset.getValue().offset(), Math::min);
                }
            }
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (var description : client.describeTopics(SEEDED_TOPICS).allTopicNames().get().values()) {
            description.partitions().forEach(partition -> ends.put(
                    new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : client.listOffsets(ends).all().get().entrySet()) {
            lag += end.getValue().offset() - committed.getOrDefault(end.getKey(), 0L);
        }
        // A topic whose every group has not yet committed counts as wholly behind, so an idle start is not "done".
        return groups.isEmpty() ? Long.MAX_VALUE : lag;
    }

    private static List<Probe> probes(Options options) {
        LocalDate today = LocalDate.now(CITY_TIME);
        LocalDate twoYearsAgo = today.minusYears(2).withDayOfMonth(1);
        LocalDate previousQuarter = today.minusMonths(3);
        String quarter = previousQuarter.getYear() + "-Q" + previousQuarter.get(IsoFields.QUARTER_OF_YEAR);
        String wholePeriod = "from=" + twoYearsAgo + "&to=" + today.plusDays(1);
        URI service = options.serviceUrl();
        URI gateway = options.baseUrl();
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("dashboard, default period", URI.create(service + "/network"), true, 200));
        probes.add(new Probe("dashboard, two years by month",
                URI.create(service + "/network?" + wholePeriod + "&by=month"), true, 200));
        probes.add(new Probe("quarterly report " + quarter, URI.create(service + "/network/reports/" + quarter),
                true, 200));
        probes.add(new Probe("API tips, two years (gateway)",
                URI.create(gateway + "/api/v1/network/figures/tips?" + wholePeriod + "&by=month"), true, 200));
        probes.add(new Probe("API alerts, two years (gateway)",
                URI.create(gateway + "/api/v1/network/figures/alerts?" + wholePeriod), true, 200));
        probes.add(new Probe("baseline: refused (gateway)",
                URI.create(gateway + "/api/v1/network/figures/alerts"), false, 401));
        return probes;
    }

    /** {@code count} requests of each probe, the probes in turn, one every 1/rate seconds. */
    private static Map<Probe, Series> measure(HttpClient http, String token, List<Probe> probes,
                                              double rate, int count) {
        Map<Probe, Series> series = new LinkedHashMap<>();
        probes.forEach(probe -> series.put(probe, new Series(probe.expectedStatus())));
        OpenLoop loop = new OpenLoop();
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        int total = count * probes.size();
        for (int i = 0; i < total; i++) {
            Probe probe = probes.get(i % probes.size());
            long due = start + i * interval;
            OpenLoop.waitUntil(due);
            HttpRequest.Builder request = HttpRequest.newBuilder(probe.uri()).timeout(REQUEST_TIMEOUT).GET();
            if (probe.withToken()) {
                request.header("Authorization", "Bearer " + token);
            }
            Series target = series.get(probe);
            target.sent();
            loop.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null) {
                            target.failed(error);
                        } else {
                            target.answered(response.statusCode(), due, System.nanoTime());
                        }
                    }));
        }
        loop.awaitAnswers(REQUEST_TIMEOUT);
        return series;
    }

    private static void report(PrintStream out, Options options, Map<Probe, Series> warmUp,
                               Map<Probe, Series> measured) {
        out.printf(Locale.ROOT, "%nDashboard with %s tips of history, %s requests/s in turn, %d of each measured%n",
                options.skipSeed() ? "the stack's" : Report.number(options.tips()), Report.number(options.rate()),
                options.requests());
        out.printf(Locale.ROOT, TABLE, "request", "sent", "ok", "other", "p50 ms", "p90 ms", "p99 ms", "max ms");
        Series baseline = null;
        for (Map.Entry<Probe, Series> entry : measured.entrySet()) {
            Report.row(out, TABLE, entry.getKey().name(), entry.getValue());
            if (!entry.getKey().withToken()) {
                baseline = entry.getValue();
            }
        }
        for (Map.Entry<Probe, Series> entry : measured.entrySet()) {
            if (entry.getKey().withToken() && baseline != null) {
                Report.ratioRow(out, TABLE, "ratio " + entry.getKey().name(), entry.getValue(), baseline);
            }
        }
        for (Map<Probe, Series> phase : List.of(warmUp, measured)) {
            phase.forEach((probe, series) -> series.others().forEach((outcome, n) -> out.printf(Locale.ROOT,
                    "  unexpected: %s answered %s %d times%n", probe.name(), outcome, n)));
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private DashboardBench() {
    }
}
