package se.goteborg.vaksam.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.goteborg.vaksam.bench.RegisterGenerator.Row;

/**
 * The premises match on a large register: generates a register of 100,000 premises ({@link RegisterGenerator}),
 * imports it through the lettings API and imports it again (which must change nothing), then looks addresses up at
 * a fixed open-loop rate: a third as written in the register, a third spelt the way tips spell them (abbreviated,
 * other case, no diacritics, "12 a" for "12A", postal code without its space, "Gbg"), a third at no registered
 * premises. In the same run and at the same rate it sends a baseline request of the same shape to the same
 * endpoint, refused before any lookup (no street), so the ratio says what the lookup itself costs on top of the
 * gateway, the token check and the handler. Prints import times and p50/p90/p99/max per kind of lookup.
 */
public final class PremisesMatchBench {

    static final String MATCH_PATH = "/api/v1/lettings/premises/match";
    static final String REGISTER_PATH = "/api/v1/lettings/register";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern MATCH_LEVEL = Pattern.compile("\"match\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern HOUSE = Pattern.compile("(.*\\D)\\s*(\\d+)([A-Z]?)");

    static final String USAGE = """
            Usage: java -Dloader.main=se.goteborg.vaksam.bench.PremisesMatchBench -jar bench/target/bench.jar [options]
            Imports a generated register of many premises through the lettings API (twice: the second import must
            change nothing), then looks addresses up at a fixed open-loop rate next to a baseline request refused
            before any lookup, and prints import times and p50/p90/p99/max latency per kind of lookup.

              --base-url=URL         the gateway (default http://localhost:8080)
              --service-url=URL      send the import and the lookups here instead, e.g. straight to premises-risk
                                     (http://localhost:8082), past the gateway's hop and its 30 s time-out, which
                                     a large import outlasts; the token still comes from the base URL
                                     (default: the base URL)
              --client=ID            OAuth2 client of the lettings group (default lettings-demo)
              --secret=SECRET        its secret (default lettings-demo-secret)
              --rows=N               premises in the generated register (default 100000)
              --seed=N               of the register and the lookups (default 20260115)
              --skip-import          the register of these rows and seed is already imported
              --rate=N               lookups per second, and as many baseline requests (default 200)
              --warm-up=N            lookups sent but not measured (default 2000)
              --lookups=N            lookups measured (default 20000)
              --help                 this text
            """;

    enum Kind {
        EXACT("as registered", "EXACT"), VARIANT("spelt otherwise", "EXACT", "PROBABLE"),
        ABSENT("not registered", "NONE");

        final String label;
        final List<String> expected;

        Kind(String label, String... expected) {
            this.label = label;
            this.expected = List.of(expected);
        }
    }

    record Lookup(Kind kind, String streetAddress, String postalCode, String city) {
    }

    record Options(boolean help, URI baseUrl, URI serviceUrl, String client, String secret, int rows, long seed,
                   boolean skipImport, double rate, int warmUp, int lookups) {

        static Options parse(String[] args) {
            BenchArguments arguments = BenchArguments.parse(args, "skip-import");
            if (arguments.help()) {
                return new Options(true, null, null, null, null, 0, 0, false, 0, 0, 0);
            }
            URI baseUrl = arguments.url("base-url", "http://localhost:8080");
            Options options = new Options(false, baseUrl, arguments.url("service-url", baseUrl.toString()),
                    arguments.text("client", "lettings-demo"), arguments.text("secret", "lettings-demo-secret"),
                    arguments.whole("rows", "100000", 1),
                    Long.parseLong(arguments.text("seed", Long.toString(RegisterGenerator.DEFAULT_SEED))),
                    arguments.flag("skip-import"), arguments.positive("rate", "200"),
                    arguments.whole("warm-up", "2000", 0),
                    arguments.whole("lookups", "20000", 1));
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
    private final Map<Kind, Map<String, LongAdder>> levels = new ConcurrentHashMap<>();
    /** Some lookups answered other than their kind expects, to show what the matcher missed. */
    private final Queue<String> surprises = new ConcurrentLinkedQueue<>();
    private String token;
    private long tokenFetchedNanos;
    private long worstSenderLagNanos;

    private PremisesMatchBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchMain.main(args, USAGE, Options::parse, Options::help,
                options -> new PremisesMatchBench(options).run(System.out));
    }

    private int run(PrintStream out) throws IOException, InterruptedException {
        try {
            refreshToken();
        } catch (IOException | IllegalStateException e) {
            System.err.println("No token from " + options.baseUrl() + "/oauth2/token: " + e.getMessage()
                    + " (start a stack with devstack/run)");
            return 1;
        }
        long started = System.nanoTime();
        List<Row> rows = RegisterGenerator.benchRows(options.rows(), options.seed(), "BENCH-");
        StringWriter csv = new StringWriter(options.rows() * 140);
        RegisterGenerator.write(csv, rows);
        byte[] register = csv.toString().getBytes(StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "Register: %,d premises, %.1f MB, generated in %.1f s%n", rows.size(),
                register.length / 1e6, seconds(System.nanoTime() - started));

        if (!options.skipImport()) {
            for (String name : List.of("import", "re-import (the same file)")) {
                if (!importRegister(out, name, register)) {
                    return 1;
                }
            }
        }
        refreshToken();

        List<Lookup> lookups = lookups(rows, options.warmUp() + options.lookups());
        int lookupStatus = http.send(matchRequest(lookups.get(0)), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (lookupStatus != 200) {
            out.println(MATCH_PATH + " answers " + lookupStatus + " to a lookup (a stack without the match "
                    + "endpoint?); import figures only");
            return 3;
        }
        int baselineStatus = http.send(baselineRequest(), HttpResponse.BodyHandlers.discarding()).statusCode();
        out.printf(Locale.ROOT, "Lookups at %s: %s per second and as many baseline requests, %,d warm-up, "
                        + "%,d measured%n", options.serviceUrl(), Report.number(options.rate()), options.warmUp(),
                options.lookups());
        Map<Kind, Series> warmUp = series(200);
        send(lookups.subList(0, options.warmUp()), warmUp, new Series(baselineStatus));
        inFlight.awaitAnswers(REQUEST_TIMEOUT.plusSeconds(5));
        levels.clear();
        surprises.clear();
        worstSenderLagNanos = 0;
        Map<Kind, Series> measured = series(200);
        Series baseline = new Series(baselineStatus);
        send(lookups.subList(options.warmUp(), lookups.size()), measured, baseline);
        boolean allAnswered = inFlight.awaitAnswers(REQUEST_TIMEOUT.plusSeconds(5));
        return print(out, measured, baseline) && allAnswered ? 0 : 2;
    }

    private boolean importRegister(PrintStream out, String name, byte[] register)
            throws IOException, InterruptedException {
        refreshToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.serviceUrl() + REGISTER_PATH))
                .timeout(IMPORT_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(register))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double took = seconds(System.nanoTime() - start);
        String body = response.body().length() > 300 ? response.body().substring(0, 300) + "..." : response.body();
        out.printf(Locale.ROOT, "%-26s HTTP %d in %.1f s (%,.0f rows/s): %s%n", name, response.statusCode(), took,
                options.rows() / took, body);
        if (response.statusCode() == 504) {
            out.println("The gateway timed out (30 s); post the register straight to premises-risk with "
                    + "--service-url=http://localhost:<premises-risk port> and run again");
        }
        return response.statusCode() == 200;
    }

    /** The lookups in a fixed order: each kind in turn, premises drawn at random from the register. */
    private List<Lookup> lookups(List<Row> rows, int count) {
        SplittableRandom random = new SplittableRandom(options.seed() + 1);
        List<Lookup> lookups = new ArrayList<>(count);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            Row row = rows.get(random.nextInt(rows.size()));
            lookups.add(switch (kinds[i % kinds.length]) {
                case EXACT -> new Lookup(Kind.EXACT, row.street(), row.postalCode(), row.city());
                case VARIANT -> variant(row, random);
                case ABSENT -> absent(row, random);
            });
        }
        return lookups;
    }

    /** The address as a tip might give it: each change that applies with even odds, until something changed. */
    static Lookup variant(Row row, SplittableRandom random) {
        String street = row.street();
        String postalCode = row.postalCode();
        String city = row.city();
        while (street.equals(row.street()) && postalCode.equals(row.postalCode()) && city.equals(row.city())) {
            if (random.nextBoolean()) {
                street = street.replaceFirst("gatan (?=\\d)", "g. ").replaceFirst("vägen (?=\\d)", "v. ");
            }
            Matcher house = HOUSE.matcher(street);
            if (random.nextBoolean() && house.matches() && !house.group(3).isEmpty()) {
                street = house.group(1).strip() + " " + house.group(2) + " " + house.group(3).toLowerCase(Locale.ROOT);
            }
            if (random.nextBoolean()) {
                street = random.nextBoolean() ? street.toUpperCase(Locale.ROOT) : street.toLowerCase(Locale.ROOT);
            }
            if (random.nextInt(4) == 0) {
                street = Normalizer.normalize(street, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            }
            if (random.nextBoolean()) {
                postalCode = postalCode.replace(" ", "");
            }
            if (random.nextInt(3) == 0 && city.equals("Göteborg")) {
                city = List.of("Gbg", "Gothenburg", "GÖTEBORG", "goteborg").get(random.nextInt(4));
            }
        }
        return new Lookup(Kind.VARIANT, street, postalCode, city);
    }

    /** A house number the generator never gives (it stops at 250), on a registered street; or another city's street. */
    static Lookup absent(Row row, SplittableRandom random) {
        Matcher house = HOUSE.matcher(row.street());
        String name = house.matches() ? house.group(1).strip() : row.street();
        if (random.nextInt(4) == 0) {
            return new Lookup(Kind.ABSENT, name + " " + (1 + random.nextInt(40)), "111 " + (20 + random.nextInt(60)),
                    "Stockholm");
        }
        return new Lookup(Kind.ABSENT, name + " " + (300 + random.nextInt(700)), row.postalCode(), row.city());
    }

    private Map<Kind, Series> series(int status) {
        Map<Kind, Series> series = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            series.put(kind, new Series(status));
        }
        return series;
    }

    /** Lookups and baseline requests alternate, each at the full rate, half a period apart. */
    private void send(List<Lookup> lookups, Map<Kind, Series> series, Series baseline) {
        long period = Math.round(TimeUnit.SECONDS.toNanos(1) / options.rate());
        long start = System.nanoTime();
        for (int i = 0; i < lookups.size(); i++) {
            long due = start + i * period;
            Lookup lookup = lookups.get(i);
            fire(matchRequest(lookup), series.get(lookup.kind()), lookup, due);
            fire(baselineRequest(), baseline, null, due + period / 2);
        }
    }

    private void fire(HttpRequest request, Series series, Lookup lookup, long due) {
        OpenLoop.waitUntil(due);
        worstSenderLagNanos = Math.max(worstSenderLagNanos, System.nanoTime() - due);
        series.sent();
        inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> {
                    long done = System.nanoTime();
                    if (error != null) {
                        series.failed(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                        return;
                    }
                    series.answered(response.statusCode(), due, done);
                    if (lookup != null && response.statusCode() == 200) {
                        Matcher level = MATCH_LEVEL.matcher(response.body());
                        String answer = level.find() ? level.group(1) : "?";
                        levels.computeIfAbsent(lookup.kind(), k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(answer, l -> new LongAdder()).increment();
                        if (!lookup.kind().expected.contains(answer) && surprises.size() < 10) {
                            surprises.add(lookup + " -> " + answer);
                        }
                    }
                }));
    }

    private HttpRequest matchRequest(Lookup lookup) {
        String query = "streetAddress=" + encode(lookup.streetAddress()) + "&postalCode=" + encode(lookup.postalCode())
                + "&city=" + encode(lookup.city());
        return HttpRequest.newBuilder(URI.create(options.serviceUrl() + MATCH_PATH + "?" + query))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    /** The same endpoint without a street: answered 400 by the handler before any lookup. */
    private HttpRequest baselineRequest() {
        return HttpRequest.newBuilder(URI.create(options.serviceUrl() + MATCH_PATH + "?postalCode=41119&city=G%C3%B6teborg"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    private void refreshToken() throws IOException, InterruptedException {
        // Tokens live 15 minutes by default: a fresh one for each phase keeps a long import from outliving it.
        if (token != null && System.nanoTime() - tokenFetchedNanos < TimeUnit.MINUTES.toNanos(5)) {
            return;
        }
        token = ClientToken.fetch(http, options.baseUrl(), options.client(), options.secret(), REQUEST_TIMEOUT);
        tokenFetchedNanos = System.nanoTime();
    }

    private boolean print(PrintStream out, Map<Kind, Series> measured, Series baseline) {
        String format = "%-44s %7s %7s %7s %9s %9s %9s %9s%n";
        out.printf(Locale.ROOT, format, "request", "sent", "ok", "other", "p50 ms", "p90 ms", "p99 ms", "max ms");
        Series all = new Series(200);
        for (Kind kind : Kind.values()) {
            Series series = measured.get(kind);
            Report.row(out, format, "match, " + kind.label, series);
            all.add(series);
        }
        Report.row(out, format, "match, all", all);
        Report.row(out, format, "baseline, no street (" + baseline.expectedStatus() + ")", baseline);
        Report.ratioRow(out, format, "ratio match / baseline", all, baseline);
        for (Kind kind : Kind.values()) {
            out.printf(Locale.ROOT, "answers, %-16s %s%n", kind.label + ":",
                    new TreeMap<>(levels.getOrDefault(kind, Map.of())));
        }
        surprises.forEach(surprise -> out.println("unexpected: " + surprise));
        out.printf(Locale.ROOT, "sender lag at most %.1f ms (a large value means this client, not the stack, "
                + "fell behind the schedule)%n", worstSenderLagNanos / 1e6);
        boolean clean = true;
        for (Map.Entry<String, Series> named : Map.of("match", all, "baseline", baseline).entrySet()) {
            Series series = named.getValue();
            if (!series.others().isEmpty()) {
                out.printf(Locale.ROOT, "%s answers other than %d: %s%n", named.getKey(), series.expectedStatus(),
                        series.others());
            }
            clean &= series.otherCount() == 0 && series.okCount() == series.sentCount();
        }
        return clean;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

}
