package se.goteborg.vaksam.inbox.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.inbox.page.InboxPages;
import se.goteborg.vaksam.web.page.PageDates;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;
import se.goteborg.vaksam.web.security.VaksamCaller;

/**
 * The auditors' page of the openings log: who opened which alert's sealed content, when and why, newest first, with
 * filters (organisation, alert, days in Swedish time) and a link to the same selection as CSV. The query and its
 * checks are the API's ({@link AuditHandler#query}), so an organisation's auditor sees only its own organisation here
 * too. Reading the log opens nothing.
 */
@Component
class AuditPageHandler {

    private final AuditLog log;

    AuditPageHandler(AuditLog log) {
        this.log = log;
    }

    /** The filter form as typed: days as {@code YYYY-MM-DD}, both included. */
    record Filter(String recipient, String alertId, String from, String to) {

        static Filter of(MultiValueMap<String, String> parameters) {
            return new Filter(text(parameters.getFirst("recipient")), text(parameters.getFirst("alertId")),
                    text(parameters.getFirst("from")), text(parameters.getFirst("to")));
        }

        /** The API's parameters for the filters: from the start of the first day to the end of the last. */
        MultiValueMap<String, String> parameters(Map<String, String> errors) {
            MultiValueMap<String, String> api = new LinkedMultiValueMap<>();
            put(api, "recipient", recipient);
            put(api, "alertId", alertId);
            LocalDate first = day("from", from, errors);
            LocalDate last = day("to", to, errors);
            if (first != null) {
                api.add("from", first.atStartOfDay(PageDates.CITY_TIME).toInstant().toString());
            }
            if (last != null) {
                api.add("to", last.plusDays(1).atStartOfDay(PageDates.CITY_TIME).toInstant().toString());
            }
            return api;
        }

        private static LocalDate day(String field, String value, Map<String, String> errors) {
            if (value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                errors.put(field, "error.audit." + field);
                return null;
            }
        }

        private static void put(MultiValueMap<String, String> api, String name, String value) {
            if (!value.isEmpty()) {
                api.add(name, value);
            }
        }

        private static String text(String value) {
            return value == null ? "" : value.strip();
        }
    }

    Mono<ServerResponse> openings(ServerRequest request) {
        Filter filter = Filter.of(request.queryParams());
        return VaksamCaller.current().flatMap(caller -> {
            Map<String, String> errors = new LinkedHashMap<>();
            MultiValueMap<String, String> parameters = filter.parameters(errors);
            return AuditHandler.query(parameters, caller.recipient(), AuditHandler.MAX_LISTED)
                    .flatMap(query -> errors.isEmpty()
                            ? log.find(query).collectList().flatMap(openings -> page(request, caller, HttpStatus.OK,
                                    filter, errors, openings, csv(parameters)))
                            : page(request, caller, HttpStatus.BAD_REQUEST, filter, errors, List.of(), null))
                    .onErrorResume(InvalidFieldsException.class, e -> {
                        for (FieldProblem problem : e.problems()) {
                            String field = switch (problem.field()) {
                                case "recipient", "from", "to" -> problem.field();
                                default -> "filter";
                            };
                            errors.putIfAbsent(field, "error.audit." + field);
                        }
                        return page(request, caller, HttpStatus.BAD_REQUEST, filter, errors, List.of(), null);
                    });
        });
    }

    private Mono<ServerResponse> page(ServerRequest request, VaksamCaller caller, HttpStatus status, Filter filter,
                                      Map<String, String> errors, List<Opening> openings, String csv) {
        return InboxPages.model(request, InboxPages.AUDIT_PATH).flatMap(model -> {
            model.put("filter", filter);
            model.put("errors", errors);
            model.put("openings", openings);
            model.put("capped", openings.size() >= AuditHandler.MAX_LISTED);
            model.put("maxListed", AuditHandler.MAX_LISTED);
            model.put("csv", csv);
            model.put("ownOrganisation", caller.recipient().orElse(null));
            model.put("recipients", Recipient.values());
            return PageResponses.render(status, "inbox/audit", model);
        });
    }

    /** The export of the same selection, at the page path that takes the person's login. */
    private static String csv(MultiValueMap<String, String> parameters) {
        return UriComponentsBuilder.fromPath(InboxPages.AUDIT_PATH + "/openings.csv").queryParams(parameters)
                .build().encode().toUriString();
    }
}
