package se.goteborg.vaksam.inbox.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.util.MultiValueMap;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/** Request parameters and bodies of the inbox API, and their checks. */
final class AlertRequests {

    static final int MAX_LIMIT = 500;
    static final int MAX_QUESTION_LENGTH = 1000;
    static final int MAX_NOTE_LENGTH = 4000;
    static final int MAX_REASON_LENGTH = 200;
    private static final Duration MAX_AGE = Duration.ofDays(3660);
    private static final Set<String> LIST_PARAMETERS = Set.of("status", "priority", "overdue", "escalated", "minAge",
            "maxAge", "since", "limit");

    private AlertRequests() {
    }

    record OutcomeRequest(Outcome outcome) {
    }

    record QuestionRequest(String text) {

        @Override
        public String toString() {
            return "QuestionRequest[text=(free text)]";
        }
    }

    record NoteRequest(String text) {

        @Override
        public String toString() {
            return "NoteRequest[text=(free text)]";
        }
    }

    record PriorityRequest(Priority priority, String reason) {

        @Override
        public String toString() {
            return "PriorityRequest[priority=" + priority + ", reason=(free text)]";
        }
    }

    /**
     * The list filters from the query string; several values of one filter (repeated or comma-separated) mean any of
     * them. Unknown parameters are refused, so a misspelt filter never silently lists everything.
     */
    static Mono<AlertQuery> listQuery(MultiValueMap<String, String> parameters) {
        FieldProblems problems = new FieldProblems();
        parameters.keySet().stream().filter(name -> !LIST_PARAMETERS.contains(name)).sorted()
                .forEach(name -> problems.add(name, "is not a filter of this list (filters: "
                        + String.join(", ", LIST_PARAMETERS.stream().sorted().toList()) + ")"));
        Set<AlertState> statuses = codes(problems, "status", values(parameters, "status"), AlertState.class);
        Set<Priority> priorities = codes(problems, "priority", values(parameters, "priority"), Priority.class);
        Boolean overdue = bool(problems, "overdue", parameters.getFirst("overdue"));
        Boolean escalated = bool(problems, "escalated", parameters.getFirst("escalated"));
        Duration minAge = age(problems, "minAge", parameters.getFirst("minAge"));
        Duration maxAge = age(problems, "maxAge", parameters.getFirst("maxAge"));
        if (minAge != null && maxAge != null) {
            problems.check(minAge.compareTo(maxAge) <= 0, "minAge", "must not be longer than maxAge");
        }
        Instant since = parsed(problems, "since", parameters.getFirst("since"), Instant::parse,
                "must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
        String limitText = parameters.getFirst("limit");
        int limit = limitText == null ? AlertQuery.DEFAULT_LIMIT : wholeNumber(limitText);
        problems.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be a whole number from 1 to " + MAX_LIMIT);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidFieldsException(problems.asList()));
        }
        return Mono.just(new AlertQuery(statuses, priorities, overdue, escalated, minAge, maxAge, since, limit));
    }

    static Mono<Outcome> outcome(OutcomeRequest request) {
        FieldProblems problems = new FieldProblems();
        problems.requirePresent("outcome", request.outcome());
        return problems.thenReturn(request).map(OutcomeRequest::outcome);
    }

    /** The question's text, trimmed: 1–{@value #MAX_QUESTION_LENGTH} characters. */
    static Mono<String> question(QuestionRequest request) {
        FieldProblems problems = new FieldProblems();
        String text = text(problems, "text", request.text(), MAX_QUESTION_LENGTH, true);
        return problems.thenReturn(text);
    }

    /** The note's text, trimmed: 1–{@value #MAX_NOTE_LENGTH} characters. */
    static Mono<String> note(NoteRequest request) {
        FieldProblems problems = new FieldProblems();
        String text = text(problems, "text", request.text(), MAX_NOTE_LENGTH, true);
        return problems.thenReturn(text);
    }

    static Mono<PriorityRequest> priority(PriorityRequest request) {
        FieldProblems problems = new FieldProblems();
        problems.requirePresent("priority", request.priority());
        String reason = text(problems, "reason", request.reason(), MAX_NOTE_LENGTH, false);
        return problems.thenReturn(new PriorityRequest(request.priority(), reason));
    }

    /** Why the details are opened, for the audit log: optional, up to {@value #MAX_REASON_LENGTH} characters. */
    static Mono<String> openingReason(String reason) {
        FieldProblems problems = new FieldProblems();
        String text = text(problems, "reason", reason, MAX_REASON_LENGTH, false);
        return problems.thenReturn(text == null ? "" : text);
    }

    /**
     * Free text trimmed; {@code null} when optional and blank. At most {@code max} characters as people count them,
     * and no control characters but line breaks and tabs.
     */
    static String text(FieldProblems problems, String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(field, "is required");
            }
            return null;
        }
        problems.check(text.codePointCount(0, text.length()) <= max, field, "must be at most " + max + " characters");
        problems.check(text.codePoints().noneMatch(AlertRequests::isForbiddenControl), field,
                "must not contain control characters other than line breaks and tabs");
        return text;
    }

    private static boolean isForbiddenControl(int c) {
        return c != '\n' && c != '\r' && c != '\t' && Character.getType(c) == Character.CONTROL;
    }

    private static List<String> values(MultiValueMap<String, String> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .toList();
    }

    private static <E extends Enum<E>> Set<E> codes(FieldProblems problems, String field, List<String> values,
                                                     Class<E> type) {
        Map<String, E> byName = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            byName.put(constant.name(), constant);
        }
        Set<E> codes = EnumSet.noneOf(type);
        for (String value : values) {
            E code = byName.get(value);
            if (code == null) {
                problems.add(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                break;
            }
            codes.add(code);
        }
        return codes;
    }

    private static Boolean bool(FieldProblems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        problems.check(v.equals("true") || v.equals("false"), field, "must be true or false");
        return v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
    }

    private static Duration age(FieldProblems problems, String field, String value) {
        Duration age = parsed(problems, field, value, Duration::parse,
                "must be an ISO-8601 duration such as PT1H or P7D");
        if (age != null && !problems.check(!age.isNegative() && age.compareTo(MAX_AGE) <= 0, field,
                "must be from zero to ten years")) {
            return null;
        }
        return age;
    }

    private static <T> T parsed(FieldProblems problems, String field, String value, Function<String, T> parser,
                                String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException | ArithmeticException e) {
            problems.add(field, message);
            return null;
        }
    }

    /** The number, or 0 (out of range) when it is not one. */
    private static int wholeNumber(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
