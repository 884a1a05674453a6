package se.goteborg.vaksam.network.bulletin;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.web.problem.FieldProblems;

/** The request body that creates or replaces a bulletin, and its checks. */
final class BulletinRequests {

    static final int MAX_TITLE_LENGTH = 120;
    static final int MAX_BODY_LENGTH = 2000;
    static final int MAX_TARGETS = 20;
    /** A time a moment ago (the form's minutes, the time it took to send it) means now, not the past. */
    static final Duration GRACE = Duration.ofMinutes(5);
    static final Duration LONGEST_AHEAD = Duration.ofDays(366);
    static final Duration LONGEST_SHOWN = Duration.ofDays(366);

    /** Control characters other than line breaks and tabs: nothing a person types, and nothing to mail on. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final String TYPES = Arrays.stream(MemberType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    private static final String DISTRICTS = Arrays.stream(District.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private BulletinRequests() {
    }

    /**
     * @param memberTypes member type codes; empty or absent: every type
     * @param districts   district codes; empty or absent: every district
     * @param publishAt   ISO-8601 with an offset ({@code 2026-12-01T08:00:00+01:00}); absent: now
     * @param expiresAt   ISO-8601 with an offset, after {@code publishAt}
     */
    record BulletinRequest(String titleSv, String titleEn, String bodySv, String bodyEn, List<String> memberTypes,
                           List<String> districts, String publishAt, String expiresAt) {
    }

    /** The request as a draft, or every offending field named; {@code now} is when it is checked. */
    static Mono<BulletinDraft> check(BulletinRequest request, Instant now) {
        FieldProblems problems = new FieldProblems();
        BulletinText text = new BulletinText(title(problems, "titleSv", request.titleSv()),
                title(problems, "titleEn", request.titleEn()), body(problems, "bodySv", request.bodySv()),
                body(problems, "bodyEn", request.bodyEn()));
        Targets targets = new Targets(
                codes(problems, "memberTypes", request.memberTypes(), MemberType.class, TYPES),
                codes(problems, "districts", request.districts(), District.class, DISTRICTS));
        Instant publishAt = publishAt(problems, request.publishAt(), now);
        Instant expiresAt = time(problems, "expiresAt", request.expiresAt());
        if (expiresAt == null && isBlank(request.expiresAt())) {
            problems.add("expiresAt", "is required");
        }
        if (expiresAt != null && publishAt != null) {
            if (problems.check(expiresAt.isAfter(publishAt), "expiresAt", "must be after publishAt")) {
                problems.check(!expiresAt.isAfter(publishAt.plus(LONGEST_SHOWN)), "expiresAt",
                        "must be at most a year after publishAt");
            }
        }
        return problems.thenReturn(new BulletinDraft(text, targets, publishAt, expiresAt));
    }

    private static String title(FieldProblems problems, String field, String value) {
        String title = value == null ? null : value.strip();
        if (problems.requireText(field, title) && problems.requireMaxLength(field, title, MAX_TITLE_LENGTH)) {
            problems.check(title.chars().noneMatch(Character::isISOControl), field,
                    "must be one line without control characters");
        }
        return title;
    }

    private static String body(FieldProblems problems, String field, String value) {
        String body = value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (problems.requireText(field, body) && problems.requireMaxLength(field, body, MAX_BODY_LENGTH)) {
            problems.check(!CONTROL.matcher(body).find(), field, "must not contain control characters");
        }
        return body;
    }

    private static <E extends Enum<E>> Set<E> codes(FieldProblems problems, String field, List<String> values,
                                                    Class<E> type, String allowed) {
        Set<E> codes = EnumSet.noneOf(type);
        if (values == null) {
            return codes;
        }
        if (!problems.check(values.size() <= MAX_TARGETS, field, "must have at most " + MAX_TARGETS + " entries")) {
            return codes;
        }
        for (int i = 0; i < values.size(); i++) {
            E code = code(type, values.get(i));
            if (problems.check(code != null, field + "[" + i + "]", "must be one of " + allowed)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equalsIgnoreCase(value.strip()))
                .findFirst().orElse(null);
    }

    private static Instant publishAt(FieldProblems problems, String value, Instant now) {
        if (isBlank(value)) {
            return now;
        }
        Instant publishAt = time(problems, "publishAt", value);
        if (publishAt == null) {
            return null;
        }
        if (!problems.check(!publishAt.isBefore(now.minus(GRACE)), "publishAt", "must not be in the past")
                || !problems.check(!publishAt.isAfter(now.plus(LONGEST_AHEAD)), "publishAt",
                "must be within a year from now")) {
            return null;
        }
        return publishAt.isBefore(now) ? now : publishAt;
    }

    private static Instant time(FieldProblems problems, String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field, "must be a time with its offset, such as 2026-12-01T08:00:00+01:00");
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
