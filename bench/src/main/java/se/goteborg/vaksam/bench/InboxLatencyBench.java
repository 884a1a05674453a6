package se.goteborg.vaksam.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * Time from submitting a tip to its alert being in the police's inbox, at a fixed open-loop rate through the
 * gateway. Every tip is one the rules send to the police alone (adult, unknown exploitation, no control indicator),
 * so each has exactly one alert, whose id the bench knows from the tip id. The inbox stamps each alert with when it
 * arrived ({@code receivedAt}); after the run the bench reads every alert once and counts from when its tip was
 * due to be sent, on the same machine's clock, so no polling during the run disturbs what is measured.
 *
 * <p>With {@code --kafka}, the same run also sends records of a tip's size straight through the stack's broker,
 * produce to consume on one topic at the same rate (one hop, acks=all), the floor any pipeline over that broker
 * starts from; the ratio reads the pipeline against it on the same noisy machine.
 */
public final class InboxLatencyBench {

    static final String USAGE = """
            Usage: java -Dloader.main=se.goteborg.vaksam.bench.InboxLatencyBench -jar bench/target/bench.jar [options]
            Submits hotel tips that go to the police alone at a fixed open-loop rate and reports submit latency (201)
            and submit -> alert in the police's inbox (p50/p90/p99/max). Start the stack with intake's rate limits
            raised (README, "Benchmarks"). Every tip is real: use a throw-away stack.

              --base-url=URL        the gateway (default http://localhost:8080)
              --member-key=KEY      member key the tips are sent with (default demo-hotel-key)
              --client=ID           the police's OAuth2 client (default police-demo)
              --secret=SECRET       its secret (default police-demo-secret)
              --rate=N              tips per second (default 100)
              --warm-up=SECONDS     sent but not measured (default 10)
              --duration=SECONDS    measured (default 30)
              --kafka=HOST:PORT     also measure one hop produce -> consume on this broker at the same rate
              --help                this text
            """;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ALERTS_DEADLINE = Duration.ofSeconds(120);
    private static final Pattern TIP_ID = Pattern.compile("\"tipId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\"\\s*:\\s*\"([^\"]+)\"");
    /** About the size of a TipSubmitted in the Confluent wire format. */
    private static final int ONE_HOP_PAYLOAD_BYTES = 600;

    record Options(boolean help, URI baseUrl, String memberKey, String client, String secret, double rate,
                   Duration warmUp, Duration measure, String kafka) {

        static Options parse(String[] args) {
            BenchArguments arguments = BenchArguments.parse(args);
            if (arguments.help()) {
                return new Options(true, null, null, null, null, 0, null, null, null);
            }
            Options options = new Options(false, arguments.url("base-url", "http://localhost:8080"),
                    arguments.text("member-key", "demo-hotel-key"), arguments.text("client", "police-demo"),
                    arguments.text("secret", "police-demo-secret"), arguments.positive("rate", "100"),
                    arguments.seconds("warm-up", "10", true), arguments.seconds("duration", "30", false),
                    arguments.text("kafka", null));
            arguments.requireAllRead();
            return options;
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final OpenLoop inFlight = new OpenLoop();
    /** Wall-clock instant each measured tip was due to be sent, by tip id. */
    private final Map<String, Instant> dueAt = new ConcurrentHashMap<>();

    private InboxLatencyBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchMain.main(args, USAGE, Options::parse, Options::help,
                options -> new InboxLatencyBench(options).run(System.out));
    }

    private int run(PrintStream out) throws IOException, InterruptedException {
        String token;
        try {
            token = ClientToken.fetch(http, options.baseUrl(), options.client(), options.secret(), REQUEST_TIMEOUT);
        } catch (IOException | IllegalStateException e) {
            System.err.println("No token from " + options.baseUrl() + "/oauth2/token: " + e.getMessage()
                    + " (start a stack with devstack/run)");
            return 1;
        }
        out.printf(Locale.ROOT, "Vaksam submit -> police inbox at %s: %s tips/s, warm-up %d s, measured %d s%s%n",
                options.baseUrl(), options.rate(), options.warmUp().toSeconds(), options.measure().toSeconds(),
                options.kafka() == null ? "" : ", one hop on " + options.kafka() + " alongside");
        send(new Series(201), options.warmUp(), false);
        inFlight.awaitAnswers(REQUEST_TIMEOUT);
        Series submit = new Series(201);
        Series oneHop = new Series(200);
        try (OneHop hop = options.kafka() == null ? null : new OneHop(options.kafka(), oneHop)) {
            if (hop != null) {
                hop.start(options.rate(), options.measure());
            }
            send(submit, options.measure(), true);
            if (hop != null) {
                hop.awaitRecords(REQUEST_TIMEOUT);
            }
        }
        boolean allAnswered = inFlight.awaitAnswers(REQUEST_TIMEOUT.plusSeconds(5));
        Series inbox = inboxLatencies(token);

        String format = "%-46s %7s %7s %7s %9s %9s %9s %9s%n";
        out.printf(Locale.ROOT, format, "measure", "sent", "ok", "other", "p50 ms", "p90 ms", "p99 ms", "max ms");
        Report.row(out, format, "submit  POST /api/v1/tips/hotel (201)", submit);
        Report.row(out, format, "submit -> alert in the police's inbox", inbox);
        if (options.kafka() != null) {
            Report.row(out, format, "one hop produce -> consume, " + ONE_HOP_PAYLOAD_BYTES + " B", oneHop);
            Report.ratioRow(out, format, "ratio inbox / one hop", inbox, oneHop);
        }
        for (var series : Map.of("submit", submit, "inbox", inbox).entrySet()) {
            if (!series.getValue().others().isEmpty()) {
                out.printf(Locale.ROOT, "%s: other outcomes %s%n", series.getKey(), series.getValue().others());
            }
        }
        boolean clean = allAnswered && submit.otherCount() == 0 && inbox.otherCount() == 0
                && inbox.okCount() == submit.okCount();
        return clean ? 0 : 2;
    }

    private void send(Series series, Duration duration, boolean measured) {
        long period = Math.round(TimeUnit.SECONDS.toNanos(1) / options.rate());
        long count = duration.toNanos() / period;
        long start = System.nanoTime();
        Instant wallStart = Instant.now();
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            Instant wallDue = wallStart.plusNanos(i * period);
            OpenLoop.waitUntil(due);
            series.sent();
            inFlight.add(http.sendAsync(tipRequest(i), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        long done = System.nanoTime();
                        if (error != null) {
                            series.failed(error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error);
                            return;
                        }
                        series.answered(response.statusCode(), due, done);
                        Matcher tipId = TIP_ID.matcher(response.body());
                        if (measured && response.statusCode() == 201 && tipId.find()) {
                            dueAt.put(tipId.group(1), wallDue);
                        }
                    }));
        }
        OpenLoop.waitUntil(start + count * period);
    }

    /** Reads each measured tip's alert once it is there; its receivedAt against when the tip was due. */
    private Series inboxLatencies(String token) throws InterruptedException {
        Series inbox = new Series(200);
        long deadline = System.nanoTime() + ALERTS_DEADLINE.toNanos();
        for (Map.Entry<String, Instant> tip : dueAt.entrySet()) {
            inbox.sent();
            String alertId = UUID.nameUUIDFromBytes((tip.getKey() + ":POLICE").getBytes(StandardCharsets.UTF_8))
                    .toString();
            Instant received = null;
            while (received == null && System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create(options.baseUrl() + "/api/v1/alerts/" + alertId))
                            .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher at = RECEIVED_AT.matcher(response.body());
                    if (response.statusCode() == 200 && at.find()) {
                        received = Instant.parse(at.group(1));
                    } else {
                        TimeUnit.MILLISECONDS.sleep(100);
                    }
                } catch (IOException e) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
            if (received == null) {
                inbox.failed(new IllegalStateException("no alert within " + ALERTS_DEADLINE.toSeconds() + " s"));
            } else {
                inbox.answered(200, 0, Math.max(0, ChronoUnit.NANOS.between(tip.getValue(), received)));
            }
        }
        return inbox;
    }

    private HttpRequest tipRequest(long sequence) {
        Instant observedAt = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"observedAt":"%s","indicators":["SHORT_OR_HOURLY_STAY"],"suspectedMinor":"NO",\
                "immediateDanger":false,"exploitationType":"UNKNOWN","premises":{"name":"Benchhotellet",\
                "streetAddress":"Benchgatan %d","postalCode":"411 19","city":"Göteborg","room":"%d"}}"""
                .formatted(observedAt, 1 + sequence % 500, 100 + sequence % 300);
        return HotelTips.submit(options.baseUrl(), options.memberKey(), body, REQUEST_TIMEOUT);
    }

    /**
     * Records of a tip's size through the broker and back, on a topic of the bench's own that is removed afterwards;
     * each record carries when it was due, so its latency counts from there (open loop).
     */
    private static final class OneHop implements AutoCloseable {

        private final String topic = "vaksam.bench.one-hop." + UUID.randomUUID();
        private final Admin admin;
        private final KafkaProducer<Long, byte[]> producer;
        private final KafkaConsumer<Long, byte[]> consumer;
        private final Series series;
        private volatile long expected;
        private Thread sender;
        private Thread receiver;

        OneHop(String bootstrap, Series series) {
            this.series = series;
            Properties common = new Properties();
            common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            admin = Admin.create(common);
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                admin.close();
                throw new IllegalStateException("cannot create " + topic + " on " + bootstrap + ": " + e, e);
            }
            Properties produce = new Properties();
            produce.putAll(common);
            produce.put(ProducerConfig.ACKS_CONFIG, "all");
            produce.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            producer = new KafkaProducer<>(produce, new LongSerializer(), new ByteArraySerializer());
            Properties consume = new Properties();
            consume.putAll(common);
            consume.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
            consume.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(consume, new LongDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
        }

        void start(double rate, Duration duration) {
            long period = Math.round(TimeUnit.SECONDS.toNanos(1) / rate);
            expected = duration.toNanos() / period;
            byte[] payload = new byte[ONE_HOP_PAYLOAD_BYTES];
            receiver = new Thread(() -> {
                long seen = 0;
                while (seen < expected && !Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<Long, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        series.answered(200, record.key(), System.nanoTime());
                        seen++;
                    }
                }
            }, "one-hop-consumer");
            sender = new Thread(() -> {
                long start = System.nanoTime();
                for (long i = 0; i < expected; i++) {
                    long due = start + i * period;
                    OpenLoop.waitUntil(due);
                    series.sent();
                    producer.send(new ProducerRecord<>(topic, due, payload));
                }
            }, "one-hop-producer");
            receiver.start();
            sender.start();
        }

        void awaitRecords(Duration timeout) throws InterruptedException {
            sender.join(timeout.toMillis());
            receiver.join(timeout.toMillis());
        }

        @Override
        public void close() {
            if (receiver != null) {
                receiver.interrupt();
            }
            producer.close();
            consumer.close();
            try {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("could not delete " + topic + ": " + e);
            } finally {
                admin.close();
            }
        }
    }
}
