package se.goteborg.vaksam.bench;

import java.io.PrintStream;
import java.util.Locale;

/** How the benchmarks print their tables: a row of latencies per series, and ratios of two series side by side. */
final class Report {

    private Report() {
    }

    /** {@code format} takes the name, sent, ok and other counts, then p50, p90, p99 and max in milliseconds. */
    static void row(PrintStream out, String format, String name, Series series) {
        out.printf(Locale.ROOT, format, name, series.sentCount(), series.okCount(), series.otherCount(),
                millis(series.millisAt(50)), millis(series.millisAt(90)), millis(series.millisAt(99)),
                millis(series.maxMillis()));
    }

    /** The same format, with the ratio of {@code measured} to {@code baseline} at each percentile and the max. */
    static void ratioRow(PrintStream out, String format, String name, Series measured, Series baseline) {
        out.printf(Locale.ROOT, format, name, "", "", "",
                ratio(measured.millisAt(50), baseline.millisAt(50)), ratio(measured.millisAt(90), baseline.millisAt(90)),
                ratio(measured.millisAt(99), baseline.millisAt(99)), ratio(measured.maxMillis(), baseline.maxMillis()));
    }

    static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String ratio(double numerator, double denominator) {
        return Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0 ? "-"
                : String.format(Locale.ROOT, "%.2fx", numerator / denominator);
    }

    /** A rate or count as typed: 50 rather than 50.0. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
