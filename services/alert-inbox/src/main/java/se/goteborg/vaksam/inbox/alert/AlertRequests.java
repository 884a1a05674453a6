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

    private AlertRequests() {
    }

    record ListQuery(AlertState status, int limit) {
    }

    record OutcomeRequest(Outcome outcome) {
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

    /** The number, or 0 (out of range) when it is not one. */
    private static int parse(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
