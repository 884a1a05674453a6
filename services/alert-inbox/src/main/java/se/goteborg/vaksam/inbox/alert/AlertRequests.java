package se.goteborg.vaksam.inbox.alert;

import java.util.Arrays;
import java.util.Optional;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/** Request parameters and bodies of the inbox API, and their checks. */
final class AlertRequests {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_QUESTION_LENGTH = 1000;

    private AlertRequests() {
    }

    record ListQuery(AlertState status, int limit) {
    }

    record OutcomeRequest(Outcome outcome) {
    }

    record QuestionRequest(String text) {

        @Override
        public String toString() {
            return "QuestionRequest[text=(free text)]";
        }
    }

    static Mono<ListQuery> listQuery(Optional<String> status, Optional<String> limit) {
        FieldProblems problems = new FieldProblems();
        AlertState state = status.filter(s -> !s.isBlank()).map(s -> Arrays.stream(AlertState.values())
                .filter(v -> v.name().equals(s)).findFirst().orElse(null)).orElse(null);
        problems.check(status.filter(s -> !s.isBlank()).isEmpty() || state != null, "status",
                "must be one of " + Arrays.toString(AlertState.values()));
        int max = limit.isPresent() ? parse(limit.get()) : DEFAULT_LIMIT;
        problems.check(max >= 1 && max <= MAX_LIMIT, "limit", "must be a whole number from 1 to " + MAX_LIMIT);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidFieldsException(problems.asList()));
        }
        return Mono.just(new ListQuery(state, max));
    }

    static Mono<Outcome> outcome(OutcomeRequest request) {
        FieldProblems problems = new FieldProblems();
        problems.requirePresent("outcome", request.outcome());
        return problems.thenReturn(request).map(OutcomeRequest::outcome);
    }

    /**
     * The question's text, trimmed: 1–{@value #MAX_QUESTION_LENGTH} characters as people count them, no control
     * characters but line breaks and tabs.
     */
    static Mono<String> question(QuestionRequest request) {
        FieldProblems problems = new FieldProblems();
        String text = request.text() == null ? "" : request.text().strip();
        if (problems.check(!text.isEmpty(), "text", "is required")) {
            problems.check(text.codePointCount(0, text.length()) <= MAX_QUESTION_LENGTH, "text",
                    "must be at most " + MAX_QUESTION_LENGTH + " characters");
            problems.check(text.codePoints().noneMatch(AlertRequests::isForbiddenControl), "text",
                    "must not contain control characters other than line breaks and tabs");
        }
        return problems.thenReturn(text);
    }

    private static boolean isForbiddenControl(int c) {
        return c != '\n' && c != '\r' && c != '\t' && Character.getType(c) == Character.CONTROL;
    }

    /** The number, or 0 (out of range) when it is not one. */
    private static int parse(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
