package se.goteborg.vaksam.intake.intake;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.intake.intake.TipRequests.HotelTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.StopRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TaxiTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TipRequest;
import se.goteborg.vaksam.platform.events.Indicator;
import se.goteborg.vaksam.web.problem.FieldProblems;

/** Checks a request against the public contract and names every offending field at once. */
@Component
class TipValidator {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_CONTACT = 200;
    static final int MAX_INDICATORS = 40;
    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 200;
    static final int MAX_CITY = 100;
    static final int MAX_ROOM = 20;
    static final int MAX_VEHICLE_REF = 20;
    static final int MAX_PASSENGERS = 20;

    /** Phones and reception PCs have clocks that run a little ahead. */
    static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofDays(365);
    /** Times without an offset are what the reporter read off a clock in Göteborg. */
    static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Stockholm");

    private static final Pattern POSTAL_CODE = Pattern.compile("(\\d{3}) ?(\\d{2})");

    private final Clock clock;

    TipValidator(Clock clock) {
        this.clock = clock;
    }

    Tip validate(HotelTipRequest request) {
        FieldProblems problems = new FieldProblems();
        Common common = common(request, Channel.HOTEL, problems);
        Tip.Premises premises = null;
        if (problems.requirePresent("premises", request.premises())) {
            var p = request.premises();
            premises = new Tip.Premises(
                    line(problems, "premises.name", p.name(), MAX_NAME, true),
                    line(problems, "premises.streetAddress", p.streetAddress(), MAX_ADDRESS, true),
                    postalCode(problems, "premises.postalCode", p.postalCode()),
                    line(problems, "premises.city", p.city(), MAX_CITY, true),
                    line(problems, "premises.room", p.room(), MAX_ROOM, false));
        }
        problems.throwIfAny();
        return common.tip(premises, null);
    }

    Tip validate(TaxiTipRequest request) {
        FieldProblems problems = new FieldProblems();
        Common common = common(request, Channel.TAXI, problems);
        Tip.Trip trip = null;
        if (problems.requirePresent("trip", request.trip())) {
            var t = request.trip();
            Tip.Stop pickup = stop(problems, "trip.pickup", t.pickup());
            Tip.Stop dropoff = stop(problems, "trip.dropoff", t.dropoff());
            if (pickup != null && dropoff != null && pickup.time() != null && dropoff.time() != null) {
                problems.check(!dropoff.time().isBefore(pickup.time()), "trip.dropoff.time",
                        "must not be before trip.pickup.time");
            }
            if (t.passengers() != null) {
                problems.check(t.passengers() >= 1 && t.passengers() <= MAX_PASSENGERS, "trip.passengers",
                        "must be between 1 and " + MAX_PASSENGERS);
            }
            trip = new Tip.Trip(pickup, dropoff, t.passengers(),
                    line(problems, "trip.vehicleRef", t.vehicleRef(), MAX_VEHICLE_REF, false));
        }
        problems.throwIfAny();
        return common.tip(null, trip);
    }

    private record Common(Channel channel, Instant observedAt, List<String> indicators, SuspectedMinor suspectedMinor,
                          Boolean immediateDanger, ExploitationType exploitationType, Tip.Details details) {

        Tip tip(Tip.Premises premises, Tip.Trip trip) {
            return new Tip(channel, observedAt, indicators, suspectedMinor, immediateDanger, exploitationType,
                    premises, trip, details);
        }
    }

    private Common common(TipRequest request, Channel channel, FieldProblems problems) {
        Instant observedAt = null;
        if (problems.requireText("observedAt", request.observedAt())) {
            observedAt = time(problems, "observedAt", request.observedAt());
        }
        String description = text(problems, "description", request.description(), MAX_DESCRIPTION, true);
        List<String> indicators = indicators(problems, channel, request.indicators());
        boolean noDescription = request.description() == null || request.description().isBlank();
        if (request.indicators() != null && request.indicators().isEmpty() && noDescription) {
            problems.add("indicators", "must name at least one indicator when there is no description");
        }
        problems.requirePresent("immediateDanger", request.immediateDanger());
        return new Common(channel, observedAt, indicators,
                oneOf(problems, "suspectedMinor", request.suspectedMinor(), SuspectedMinor.class),
                request.immediateDanger(),
                oneOf(problems, "exploitationType", request.exploitationType(), ExploitationType.class),
                new Tip.Details(description,
                        line(problems, "reporterContact", request.reporterContact(), MAX_CONTACT, false)));
    }

    private static List<String> indicators(FieldProblems problems, Channel channel, List<String> codes) {
        if (!problems.requirePresent("indicators", codes)) {
            return null;
        }
        if (!problems.check(codes.size() <= MAX_INDICATORS, "indicators",
                "must have at most " + MAX_INDICATORS + " entries")) {
            return null;
        }
        Set<String> accepted = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "indicators[" + i + "]";
            String code = codes.get(i);
            var indicator = Indicator.byCode(code);
            if (indicator.isEmpty()) {
                problems.add(field, "is not a code of the indicator catalogue");
            } else if (indicator.get().channel() != channel) {
                problems.add(field, "is not an indicator of the " + channel.name().toLowerCase() + " form");
            } else {
                accepted.add(code);
            }
        }
        return new ArrayList<>(accepted);
    }

    private Tip.Stop stop(FieldProblems problems, String field, StopRequest stop) {
        if (!problems.requirePresent(field, stop)) {
            return null;
        }
        String address = line(problems, field + ".address", stop.address(), MAX_ADDRESS, true);
        Instant time = stop.time() == null ? null : time(problems, field + ".time", stop.time());
        return new Tip.Stop(address, time);
    }

    private Instant time(FieldProblems problems, String field, String text) {
        Instant time;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), ZonedDateTime::from,
                    LocalDateTime::from);
            time = parsed instanceof ZonedDateTime zoned ? zoned.toInstant()
                    : ((LocalDateTime) parsed).atZone(LOCAL_TIME).toInstant();
        } catch (DateTimeException e) {
            problems.add(field, "must be an ISO-8601 date-time, e.g. 2026-11-27T21:30:00+01:00 or 2026-11-27T21:30 "
                    + "(Swedish time)");
            return null;
        }
        Instant now = clock.instant();
        if (!problems.check(!time.isAfter(now.plus(FUTURE_SKEW)), field, "must not be in the future")) {
            return null;
        }
        if (!problems.check(!time.isBefore(now.minus(MAX_AGE)), field,
                "must be within the last " + MAX_AGE.toDays() + " days")) {
            return null;
        }
        return time;
    }

    private static <E extends Enum<E>> E oneOf(FieldProblems problems, String field, String value, Class<E> type) {
        if (!problems.requireText(field, value)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        problems.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private static String postalCode(FieldProblems problems, String field, String value) {
        if (!problems.requireText(field, value)) {
            return null;
        }
        Matcher matcher = POSTAL_CODE.matcher(value.strip());
        if (!problems.check(matcher.matches(), field, "must be a Swedish postal code of five digits, e.g. 411 05")) {
            return null;
        }
        return matcher.group(1) + " " + matcher.group(2);
    }

    /** Single-line text: names, addresses, contact. */
    private static String line(FieldProblems problems, String field, String value, int max, boolean required) {
        return text(problems, field, value, max, false, required);
    }

    private static String text(FieldProblems problems, String field, String value, int max, boolean multiLine) {
        return text(problems, field, value, max, multiLine, false);
    }

    /** Trimmed text, {@code null} when absent or blank; lengths count characters as people see them. */
    private static String text(FieldProblems problems, String field, String value, int max, boolean multiLine,
                               boolean required) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            problems.check(!required, field, "is required");
            return null;
        }
        boolean ok = problems.check(stripped.codePointCount(0, stripped.length()) <= max, field,
                "must be at most " + max + " characters");
        ok &= problems.check(stripped.codePoints().noneMatch(c -> isForbiddenControl(c, multiLine)), field,
                multiLine ? "must not contain control characters other than line breaks and tabs"
                        : "must be a single line without control characters");
        return ok ? stripped : null;
    }

    /**
     * Control characters; a surrogate standing alone (JSON can escape one, {@code "\ud800"}, but it is no character
     * and cannot be stored as UTF-8); and in single-line text also the Unicode line and paragraph separators and the
     * bidirectional overrides and isolates, which can make a name or address display as something else.
     */
    private static boolean isForbiddenControl(int c, boolean multiLine) {
        if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.SURROGATE) {
            return true;
        }
        return !multiLine && (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069'));
    }
}
