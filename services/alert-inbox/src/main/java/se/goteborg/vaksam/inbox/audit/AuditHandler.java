package se.goteborg.vaksam.inbox.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;
import se.goteborg.vaksam.web.security.VaksamCaller;

/**
 * The auditors' reading of the openings log, as JSON and as a CSV export. An auditor whose token names an
 * organisation sees only that organisation's openings; one without (the city's data protection function) sees all.
 * Reading the log opens nothing: it holds who, when, which alert and why, never content.
 */
@Component
class AuditHandler {

    static final String AUDITOR_ROLE = "AUDITOR";
    static final int MAX_LISTED = 1000;
    static final int MAX_EXPORTED = 100_000;
    private static final Set<String> PARAMETERS = Set.of("recipient", "alertId", "tipId", "subject", "from", "to",
            "limit");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String[] COLUMNS = {"openedAt", "recipient", "subject", "alertId", "tipId", "opened",
            "reason", "messageIds", "noteIds"};

    private final AuditLog log;

    AuditHandler(AuditLog log) {
        this.log = log;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return query(request, MAX_LISTED)
                .flatMap(query -> ServerResponse.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(log.find(query), Opening.class));
    }

    Mono<ServerResponse> export(ServerRequest request) {
        return query(request, MAX_EXPORTED).flatMap(query -> {
            Flux<String> lines = Flux.concat(Flux.just(line(Arrays.asList((Object[]) COLUMNS))),
                    log.find(query).map(AuditHandler::row));
            return ServerResponse.ok()
                    .contentType(CSV)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vaksam-openings.csv\"")
                    .body(lines, String.class);
        });
    }

    /** The caller's query: filters checked, and an organisation's auditor kept to its own organisation. */
    static Mono<AuditQuery> query(ServerRequest request, int maxLimit) {
        return VaksamCaller.current()
                .filter(caller -> caller.hasRole(AUDITOR_ROLE))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "Only auditors read the openings log.")))
                .flatMap(caller -> query(request.queryParams(), caller.recipient(), maxLimit));
    }

    static Mono<AuditQuery> query(MultiValueMap<String, String> parameters, Optional<String> ownOrganisation,
                                  int maxLimit) {
        FieldProblems problems = new FieldProblems();
        parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).sorted()
                .forEach(name -> problems.add(name, "is not a filter of the openings log"));
        Recipient recipient = recipient(problems, parameters.getFirst("recipient"));
        if (ownOrganisation.isPresent()) {
            Recipient own = recipient(problems, ownOrganisation.get());
            problems.check(recipient == null || recipient == own, "recipient",
                    "an organisation's auditor reads only its own organisation's openings");
            recipient = own;
        }
        Instant from = instant(problems, "from", parameters.getFirst("from"));
        Instant to = instant(problems, "to", parameters.getFirst("to"));
        if (from != null && to != null) {
            problems.check(from.isBefore(to), "to", "must be after from");
        }
        String limitText = parameters.getFirst("limit");
        int limit = limitText == null ? maxLimit : wholeNumber(limitText);
        problems.check(limit >= 1 && limit <= maxLimit, "limit", "must be a whole number from 1 to " + maxLimit);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidFieldsException(problems.asList()));
        }
        return Mono.just(new AuditQuery(recipient, text(parameters, "alertId"), text(parameters, "tipId"),
                text(parameters, "subject"), from, to, limit));
    }

    private static String row(Opening o) {
        return line(List.of(o.openedAt().toString(), o.recipient().name(), o.subject(), o.alertId(), o.tipId(),
                String.join(";", o.opened().stream().map(Enum::name).toList()),
                o.reason() == null ? "" : spreadsheetSafe(o.reason()),
                String.join(";", o.messageIds()), String.join(";", o.noteIds())));
    }

    /** A reason typed as "=HYPERLINK(...)" must not become a formula in the spreadsheet the export is opened in. */
    static String spreadsheetSafe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String line(List<?> values) {
        try (StringWriter out = new StringWriter(); CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(values);
            csv.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Recipient recipient(FieldProblems problems, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(Recipient.values()).filter(r -> r.name().equals(value.strip())).findFirst()
                .orElseGet(() -> {
                    problems.add("recipient", "must be one of " + Arrays.toString(Recipient.values()));
                    return null;
                });
    }

    private static Instant instant(FieldProblems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            return null;
        }
    }

    private static String text(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int wholeNumber(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
