package se.goteborg.vaksam.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one kind of request in one phase: latencies of the answers with the expected status, in
 * microseconds, counted from when the request was due to be sent so a stalled sender or server cannot hide
 * its own delay (open loop), and a count of every other outcome.
 */
final class Series {

    private static final long LONGEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final int expectedStatus;
    private final Histogram latencies = new ConcurrentHistogram(LONGEST_MICROS, 3);
    private final LongAdder sent = new LongAdder();
    private final Map<String, LongAdder> others = new ConcurrentHashMap<>();

    Series(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    /** Counts the other series' requests and answers in this one too, to report several series as one. */
    void add(Series other) {
        sent.add(other.sentCount());
        latencies.add(other.latencies);
        other.others.forEach((outcome, count) -> others.computeIfAbsent(outcome, o -> new LongAdder()).add(count.sum()));
    }

    void sent() {
        sent.increment();
    }

    void answered(int status, long dueNanos, long doneNanos) {
        if (status == expectedStatus) {
            latencies.recordValue(Math.min(LONGEST_MICROS, TimeUnit.NANOSECONDS.toMicros(doneNanos - dueNanos)));
        } else {
            other("HTTP " + status);
        }
    }

    void failed(Throwable error) {
        other(error.getClass().getSimpleName());
    }

    private void other(String outcome) {
        others.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    int expectedStatus() {
        return expectedStatus;
    }

    long sentCount() {
        return sent.sum();
    }

    long okCount() {
        return latencies.getTotalCount();
    }

    long otherCount() {
        return others.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Outcomes other than the expected status, by HTTP status or exception name. */
    Map<String, Long> others() {
        Map<String, Long> sorted = new TreeMap<>();
        others.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
        return sorted;
    }

    /** Milliseconds at the percentile (0 to 100), or NaN when nothing was answered as expected. */
    double millisAt(double percentile) {
        return okCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return okCount() == 0 ? Double.NaN : latencies.getMaxValue() / 1000.0;
    }
}
