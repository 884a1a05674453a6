package se.goteborg.vaksam.bench;

import java.net.URI;
import java.time.Duration;

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
        BenchArguments arguments = BenchArguments.parse(args);
        if (arguments.help()) {
            return new BenchOptions(true, null, null, 0, null, null, null);
        }
        BenchOptions options = new BenchOptions(false, arguments.url("base-url", "http://localhost:8080"),
                arguments.text("member-key", "demo-hotel-key"), arguments.positive("rate", "50"),
                arguments.seconds("warm-up", "10", true), arguments.seconds("duration", "60", false),
                arguments.text("baseline-path", "/api/v1/tips/hotel"));
        arguments.requireAllRead();
        return options;
    }
}
