package se.goteborg.vaksam.routing.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

/**
 * How long a recipient has to acknowledge an alert: a plain duration ({@code 15m}, {@code 4h}) counts every hour of
 * the day, as urgent alerts need; {@code 3 working days} counts Swedish working days and ends at the time of day the
 * alert came, so an alert routed on a Friday afternoon is due on Wednesday afternoon, not on Monday.
 */
record AcknowledgementPeriod(Duration duration, int workingDays) {

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,2}) working days?");

    static AcknowledgementPeriod parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher days = WORKING_DAYS.matcher(value);
        if (days.matches()) {
            int count = Integer.parseInt(days.group(1));
            if (count < 1) {
                throw new IllegalArgumentException("'" + text + "' must be at least 1 working day");
            }
            return new AcknowledgementPeriod(null, count);
        }
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a duration such as 15m or 4h nor "
                    + "'<n> working days'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return new AcknowledgementPeriod(duration, 0);
    }

    Instant dueAfter(Instant routedAt, ZoneId zone) {
        if (duration != null) {
            return routedAt.plus(duration);
        }
        LocalDateTime start = LocalDateTime.ofInstant(routedAt, zone);
        if (!SwedishWorkingDays.isWorkingDay(start.toLocalDate())) {
            // Routed on a closed day: the count starts when the next working day does.
            start = SwedishWorkingDays.nextWorkingDay(start.toLocalDate()).atStartOfDay();
        }
        LocalDate day = start.toLocalDate();
        for (int i = 0; i < workingDays; i++) {
            day = SwedishWorkingDays.nextWorkingDay(day);
        }
        return day.atTime(start.toLocalTime()).atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return duration != null ? DurationStyle.SIMPLE.print(duration) : workingDays + " working days";
    }
}
