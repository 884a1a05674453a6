package se.goteborg.vaksam.network.figures;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.goteborg.vaksam.network.figures.FigurePeriod.Granularity;

/** A calendar quarter, {@code 2026-Q4}: what the quarterly evaluation report covers. */
record Quarter(int year, int number) {

    private static final Pattern CODE = Pattern.compile("(\\d{4})-Q([1-4])");

    static Optional<Quarter> parse(String code) {
        Matcher matcher = code == null ? null : CODE.matcher(code);
        return matcher != null && matcher.matches()
                ? Optional.of(new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    /** The period of the quarter's days, by month. */
    FigurePeriod period() {
        return new FigurePeriod(firstDay(), firstDay().plusMonths(3), Granularity.MONTH);
    }

    Quarter previous() {
        return of(firstDay().minusMonths(3));
    }

    Quarter yearBefore() {
        return new Quarter(year - 1, number);
    }

    public String code() {
        return year + "-Q" + number;
    }

    boolean isAfter(Quarter other) {
        return firstDay().isAfter(other.firstDay());
    }

    @Override
    public String toString() {
        return code();
    }
}
