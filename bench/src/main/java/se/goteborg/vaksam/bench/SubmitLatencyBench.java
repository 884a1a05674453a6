package se.goteborg.vaksam.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Latency of submitting a tip through the gateway, next to the latency of a request that crosses the same gateway
 * and tip-intake but stops before Kafka and Mongo, measured in one run at one rate. These machines are noisy,
 * so the two are read side by side: the ratio says what the submission path itself costs.
 *
 * <p>Open loop: requests are sent on a fixed schedule whatever the answers do, and each latency counts from when
 * its request was due, so a slow server shows as latency instead of as a lower sending rate.
 */
public final class SubmitLatencyBench {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final BenchOptions options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final OpenLoop inFlight = new OpenLoop();
    private long worstSenderLagNanos;

    private SubmitLatencyBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchMain.main(args, BenchOptions.USAGE, BenchOptions::parse, BenchOptions::help,
                options -> new SubmitLatencyBench(options).run(System.out));
    }

    private int run(PrintStream out) {
        int baselineStatus;
        try {
            baselineStatus = probe();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "Vaksam submit latency at %s: %s tips/s and as many baseline requests, "
                        + "warm-up %d s, measured %d s%n", options.baseUrl(), Report.number(options.rate()),
                options.warmUp().toSeconds(), options.measure().toSeconds());

        if (!options.warmUp().isZero()) {
            send(new Series(201), new Series(baselineStatus), options.warmUp());
        }
        worstSenderLagNanos = 0;
        Series submit = new Series(201);
        Series baseline = new Series(baselineStatus);
        send(submit, baseline, options.measure());
        boolean allAnswered = inFlight.awaitAnswers(REQUEST_TIMEOUT.plusSeconds(5));

        print(out, submit, baseline);
        boolean clean = allAnswered && submit.otherCount() == 0 && baseline.otherCount() == 0
                && submit.okCount() == submit.sentCount() && baseline.okCount() == baseline.sentCount();
        return clean ? 0 : 2;
    }

    /**
     * One baseline request before the schedule starts: fails fast when no stack is there, and learns the status the
     * baseline answers with, which depends on how intake's security treats the path.
     */
    private int probe() {
        try {
            int status = http.send(baselineRequest(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 429 || status >= 500) {
                throw new IllegalStateException("The baseline " + options.baselinePath() + " answered " + status
                        + "; pick another --baseline-path (one that is neither rate-limited nor failing)");
            }
            return status;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No stack answering at " + options.baseUrl() + ": " + e
                    + " (start one with devstack/run)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Submits and baseline requests alternate, each at the full rate, half a period apart. */
    private void send(Series submit, Series baseline, Duration duration) {
        long period = Math.round(TimeUnit.SECONDS.toNanos(1) / options.rate());
        long count = duration.toNanos() / period;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long submitDue = start + i * period;
            fire(tipRequest(i), submit, submitDue);
            fire(baselineRequest(), baseline, submitDue + period / 2);
        }
        OpenLoop.waitUntil(start + count * period);
    }

    private void fire(HttpRequest request, Series series, long due) {
        OpenLoop.waitUntil(due);
        worstSenderLagNanos = Math.max(worstSenderLagNanos, System.nanoTime() - due);
        series.sent();
        inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    long done = System.nanoTime();
                    if (error != null) {
                        series.failed(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                    } else {
                        series.answered(response.statusCode(), due, done);
                    }
                }));
    }

    private HttpRequest tipRequest(long sequence) {
        Instant observedAt = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"observedAt":"%s","indicators":["STREAM_OF_MEN","MANY_VISITORS_TO_ROOM"],"suspectedMinor":"NO",\
                "immediateDanger":false,"exploitationType":"SEXUAL","premises":{"name":"Benchhotellet",\
                "streetAddress":"Kungsgatan %d","postalCode":"411 19","city":"Göteborg","room":"%d"}}"""
                .formatted(observedAt, 1 + sequence % 60, 100 + sequence % 300);
        return HotelTips.submit(options.baseUrl(), options.memberKey(), body, REQUEST_TIMEOUT);
    }

    private HttpRequest baselineRequest() {
        return HttpRequest.newBuilder(URI.create(options.baseUrl() + options.baselinePath()))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
    }

    private void print(PrintStream out, Series submit, Series baseline) {
        String format = "%-50s %7s %7s %7s %9s %9s %9s %9s%n";
        out.printf(Locale.ROOT, format, "request", "sent", "ok", "other", "p50 ms", "p90 ms", "p99 ms", "max ms");
        Report.row(out, format, "submit   POST /api/v1/tips/hotel (201)", submit);
        Report.row(out, format, "baseline GET " + options.baselinePath() + " (" + baseline.expectedStatus() + ")", baseline);
        Report.ratioRow(out, format, "ratio submit / baseline", submit, baseline);
        out.printf(Locale.ROOT, "sender lag at most %.1f ms (a large value means this client, not the stack, "
                + "fell behind the schedule)%n", worstSenderLagNanos / 1e6);
        for (Series series : List.of(submit, baseline)) {
            if (!series.others().isEmpty()) {
                out.printf(Locale.ROOT, "%s answers other than %d: %s%n", series == submit ? "submit" : "baseline",
                        series.expectedStatus(), series.others());
            }
            if (series.others().containsKey("HTTP 429")) {
                out.println("429: intake's rate limits refused requests; start the stack with them raised "
                        + "(README, \"Benchmarks\")");
            }
            long unanswered = series.sentCount() - series.okCount() - series.otherCount();
            if (unanswered > 0) {
                out.printf(Locale.ROOT, "%s: %d requests still unanswered after %d s%n",
                        series == submit ? "submit" : "baseline", unanswered, REQUEST_TIMEOUT.plusSeconds(5).toSeconds());
            }
        }
    }

}
