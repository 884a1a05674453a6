package se.goteborg.vaksam.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The bench's command line: {@code --name=value} options, like the devstack launcher's. */
record BenchOptions(boolean help, URI baseUrl, String memberKey, double rate, Duration warmUp, Duration measure,
                    String baselinePath) {

    static final String USAGE = """
            Usage: java -jar bench/target/bench.jar [options]
            Submits valid hotel tips to a running stack at a fixed open-loop rate and, in the same run and at the
            same rate, a baseline request through the gateway to tip-intake that touches neither Kafka nor Mongo.
            Prints p50/p90/p99/max latency of both and the ratio submit/baseline. Start the stack with intake's
            rate limits raised, or the tips are refused with 429 (see README, "Benchmarks").

              --base-url=URL        the gateway (default http://localhost:8080)
              --member-key=KEY      member key the tips are sent with (default demo-hotel-key)
              --rate=N              tips per second, and as many baseline requests (default 50)
              --warm-up=SECONDS     sent but not measured (default 10)
              --duration=SECONDS    measured (default 60)
              --baseline-path=PATH  baseline GET; its status on a first try is the one expected from then on
                                    (default /api/v1/tips/hotel, refused by intake's security before any handler)
              --help                this text
            """;

    static BenchOptions parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new BenchOptions(true, null, null, 0, null, null, null);
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        URI baseUrl = URI.create(stripTrailingSlash(take(options, "base-url", "http://localhost:8080")));
        String memberKey = take(options, "member-key", "demo-hotel-key");
        double rate = positive("rate", take(options, "rate", "50"));
        Duration warmUp = seconds("warm-up", take(options, "warm-up", "10"), true);
        Duration measure = seconds("duration", take(options, "duration", "60"), false);
        String baselinePath = take(options, "baseline-path", "/api/v1/tips/hotel");
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + options.keySet().iterator().next());
        }
        return new BenchOptions(false, baseUrl, memberKey, rate, warmUp, measure, baselinePath);
    }

    /** Takes each option it reads out of {@code options}, so whatever is left over is unknown. */
    private static String take(Map<String, String> options, String name, String fallback) {
        String value = options.remove(name);
        return value == null ? fallback : value;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static double positive(String name, String value) {
        double number = number(name, value);
        if (number <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return number;
    }

    private static Duration seconds(String name, String value, boolean zeroAllowed) {
        double number = number(name, value);
        if (number < 0 || (number == 0 && !zeroAllowed)) {
            throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "0 or more" : "positive")
                    + " seconds, got " + value);
        }
        return Duration.ofMillis(Math.round(number * 1000));
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
