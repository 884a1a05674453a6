package se.goteborg.vaksam.network.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.FieldProblems;

@Component
class FiguresHandler {

    /** Periods are whole days in Swedish time, as coordinators count them. */
    static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final Duration LONGEST_PERIOD = Duration.ofDays(3 * 366);

    private final FiguresService figures;
    private final Clock clock;

    FiguresHandler(FiguresService figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    /** {@code ?from=2026-11-01&to=2026-12-01}: the alerts routed from the first day up to, not including, the last. */
    Mono<ServerResponse> alerts(ServerRequest request) {
        FieldProblems problems = new FieldProblems();
        Instant now = clock.instant();
        Instant to = day(problems, "to", request.queryParam("to").orElse(null), now);
        Instant from = day(problems, "from", request.queryParam("from").orElse(null), to.minus(DEFAULT_PERIOD));
        if (problems.isEmpty()) {
            problems.check(from.isBefore(to), "to", "must be after from");
            problems.check(!from.plus(LONGEST_PERIOD).isBefore(to), "from", "the period can be at most three years");
        }
        return problems.thenReturn(from)
                .flatMap(start -> figures.alerts(start, to))
                .flatMap(result -> ServerResponse.ok().bodyValue(result));
    }

    private static Instant day(FieldProblems problems, String field, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(CITY_TIME).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field, "must be a date such as 2026-12-01");
            return otherwise;
        }
    }
}
