package se.goteborg.vaksam.network.figures;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.util.MultiValueMap;

import se.goteborg.vaksam.web.problem.FieldProblems;

/**
 * The days a figure counts, from {@code from} up to, not including, {@code to}, in Swedish time, and how they are
 * split for the charts: ISO weeks (Monday first) or calendar months. Periods are whole days as coordinators count
 * them; without {@code from} and {@code to} the figures cover the current month and the eleven before it.
 */
record FigurePeriod(LocalDate from, LocalDate to, Granularity by) {

    static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");
    static final int LONGEST_DAYS = 3 * 366;

    enum Granularity {
        WEEK, MONTH;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Granularity> ofCode(String code) {
            for (Granularity granularity : values()) {
                if (granularity.code().equals(code)) {
                    return Optional.of(granularity);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One bar of a chart: a week ({@code 2026-W23}) or a month ({@code 2026-06}), cut to the period.
     *
     * @param partial whether the period cuts the week or month, so it counts fewer days than a whole one
     */
    record Bucket(String label, LocalDate from, LocalDate to, boolean partial) {
    }

    static FigurePeriod defaultFor(LocalDate today) {
        LocalDate to = today.plusDays(1);
        return new FigurePeriod(twelveMonthsBefore(to), to, Granularity.MONTH);
    }

    /** The first day of the eleventh month before the last day before {@code to}: twelve bars by month. */
    private static LocalDate twelveMonthsBefore(LocalDate to) {
        return to.minusDays(1).withDayOfMonth(1).minusMonths(11);
    }

    /** The period the query asks for; the problems with it, if any, are added to {@code problems}. */
    static FigurePeriod check(MultiValueMap<String, String> query, LocalDate today, FieldProblems problems) {
        LocalDate to = day(problems, "to", query.getFirst("to"), today.plusDays(1));
        LocalDate from = day(problems, "from", query.getFirst("from"), twelveMonthsBefore(to));
        if (problems.isEmpty() && problems.check(from.isBefore(to), "to", "must be after from")) {
            problems.check(ChronoUnit.DAYS.between(from, to) <= LONGEST_DAYS, "from",
                    "the period can be at most three years");
        }
        String byText = query.getFirst("by");
        Granularity by = byText == null || byText.isBlank() ? Granularity.MONTH
                : Granularity.ofCode(byText.strip().toLowerCase(Locale.ROOT)).orElse(null);
        if (by == null) {
            problems.add("by", "must be week or month");
            by = Granularity.MONTH;
        }
        return new FigurePeriod(from, to, by);
    }

    private static LocalDate day(FieldProblems problems, String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "must be a date such as 2026-12-01");
            return otherwise;
        }
    }

    List<LocalDate> days() {
        return from.datesUntil(to).toList();
    }

    List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        LocalDate start = from;
        while (start.isBefore(to)) {
            LocalDate whole = by == Granularity.WEEK ? start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    : start.withDayOfMonth(1);
            LocalDate next = by == Granularity.WEEK ? whole.plusWeeks(1) : whole.plusMonths(1);
            LocalDate end = next.isAfter(to) ? to : next;
            buckets.add(new Bucket(label(whole), start, end, !whole.equals(start) || !next.equals(end)));
            start = end;
        }
        return buckets;
    }

    private String label(LocalDate start) {
        return by == Granularity.WEEK
                ? String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                        start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                : String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
    }
}
