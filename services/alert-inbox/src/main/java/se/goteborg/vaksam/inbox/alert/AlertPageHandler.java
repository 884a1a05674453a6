package se.goteborg.vaksam.inbox.alert;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.inbox.alert.AlertRequests.NoteRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.PriorityRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.QuestionRequest;
import se.goteborg.vaksam.inbox.page.InboxPages;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The recipients' inbox pages: the organisation's alerts with filters, and an alert's detail with what may be done
 * with it. Viewing an alert opens nothing sealed; the "open details" form (a GET with an optional reason) opens the
 * details, the follow-up messages and the internal notes after one audited opening, as the API does. Every form post
 * is answered with a redirect (303) back to the alert with a confirmation, and is harmless to send again:
 * acknowledging, an outcome and a priority are changes the service makes once, and a question or note carries a
 * submission id that names it, so it is stored once. A form posted while the details were open reopens them with the
 * same reason, which the audit log records as one more reading.
 */
@Component
class AlertPageHandler {

    private static final String ALERT_PATH = InboxPages.PATH + "/alerts/{alertId}";
    private static final Pattern SUBMISSION_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> CONFIRMATIONS = Set.of("acknowledged", "outcome", "priority", "question", "note");

    private final AlertService service;

    AlertPageHandler(AlertService service) {
        this.service = service;
    }

    /** A listed alert with where it happened, as its link says. */
    record Row(AlertView alert, String place) {
    }

    /** What the forms of the detail show: what was typed, or the defaults (fresh submission ids). */
    record Forms(String outcome, String priority, String priorityReason, String question, String questionSubmission,
                 String note, String noteSubmission) {

        static Forms blank(AlertView alert) {
            return new Forms("", alert.priority() == null ? "" : alert.priority().name(), "", "",
                    UUID.randomUUID().toString(), "", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return "Forms[(typed text)]";
        }
    }

    /** Whether the detail shows the details opened, whether that reading went into the audit log, and why. */
    record Opened(boolean open, boolean recorded, String reason) {

        static final Opened CLOSED = new Opened(false, false, "");
    }

    /** One event of the alert's history, oldest first. */
    record HistoryEntry(Instant at, String kind, String by, String escalatedTo, Outcome outcome, Priority from,
                        Priority to) {
    }

    /** A follow-up message as the detail lists it: an answer names the time of the question it answers. */
    record MessageRow(String messageId, Direction direction, String text, Instant sentAt, Instant questionSentAt) {

        @Override
        public String toString() {
            return "MessageRow[messageId=" + messageId + ", text=(sealed content)]";
        }
    }

    Mono<ServerResponse> list(ServerRequest request) {
        AlertListFilter filter = AlertListFilter.of(request.queryParams());
        return InboxCaller.current().flatMap(caller -> filter.query()
                .flatMap(query -> service.list(caller, query).map(a -> new Row(a, place(a))).collectList())
                .flatMap(rows -> listPage(request, HttpStatus.OK, filter, Map.of(), rows))
                .onErrorResume(InvalidFieldsException.class, e -> listPage(request, HttpStatus.BAD_REQUEST, filter,
                        AlertListFilter.errors(e), List.of())));
    }

    private Mono<ServerResponse> listPage(ServerRequest request, HttpStatus status, AlertListFilter filter,
                                          Map<String, String> errors, List<Row> rows) {
        String switchPath = UriComponentsBuilder.fromPath(InboxPages.PATH).queryParams(filterParameters(request))
                .build().encode().toUriString();
        return InboxPages.model(request, switchPath).flatMap(model -> {
            model.put("filter", filter);
            model.put("errors", errors);
            model.put("rows", rows);
            model.put("capped", rows.size() >= AlertQuery.DEFAULT_LIMIT);
            model.put("maxListed", AlertQuery.DEFAULT_LIMIT);
            model.put("statuses", AlertState.values());
            model.put("priorities", Priority.values());
            model.put("ages", Arrays.stream(AlertListFilter.Age.values()).map(AlertListFilter.Age::value).toList());
            return PageResponses.render(status, "inbox/alerts", model);
        });
    }

    /** The list's own parameters, for the language switch: the filtered list in the other language. */
    private static MultiValueMap<String, String> filterParameters(ServerRequest request) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        request.queryParams().forEach((name, values) -> {
            if (Set.of("status", "priority", "age", "overdue", "escalated").contains(name)) {
                kept.put(name, values);
            }
        });
        return kept;
    }

    /**
     * The alert as routed; with {@code ?open=true} (the "open details" form, with its optional {@code reason}) also
     * its sealed details, messages and notes, after one audited opening.
     */
    Mono<ServerResponse> detail(ServerRequest request) {
        String alertId = request.pathVariable("alertId");
        String done = request.queryParam("done").filter(CONFIRMATIONS::contains).orElse(null);
        boolean open = request.queryParam("open").filter("true"::equals).isPresent();
        String typedReason = request.queryParam("reason").orElse("");
        return InboxCaller.current().flatMap(caller -> {
            if (!open) {
                return service.summary(caller, alertId).flatMap(alert -> detailPage(request, caller, HttpStatus.OK,
                        alert, Opened.CLOSED, Forms.blank(alert), Map.of(), done, null));
            }
            return AlertRequests.openingReason(typedReason)
                    .flatMap(reason -> service.read(caller, alertId, reason).flatMap(reading -> detailPage(request,
                            caller, HttpStatus.OK, reading.view(), new Opened(true, reading.recorded(), reason),
                            Forms.blank(reading.view()), Map.of(), done, null)))
                    .onErrorResume(InvalidFieldsException.class, e -> service.summary(caller, alertId)
                            .flatMap(alert -> detailPage(request, caller, HttpStatus.BAD_REQUEST, alert,
                                    new Opened(false, false, typedReason), Forms.blank(alert),
                                    Map.of("reason", "error.reason"), null, null)));
        });
    }

    Mono<ServerResponse> acknowledge(ServerRequest request) {
        return post(request, (caller, form) -> service.acknowledge(caller, alertId(request))
                .thenReturn("acknowledged"));
    }

    Mono<ServerResponse> outcome(ServerRequest request) {
        return post(request, (caller, form) -> {
            Outcome outcome = code(Outcome.class, form.getFirst("outcome"));
            if (outcome == null) {
                return Mono.error(new InvalidFieldsException(List.of(new FieldProblem("outcome", "is required"))));
            }
            return service.recordOutcome(caller, alertId(request), outcome).thenReturn("outcome");
        });
    }

    Mono<ServerResponse> priority(ServerRequest request) {
        return post(request, (caller, form) -> {
            Priority priority = code(Priority.class, form.getFirst("priority"));
            return AlertRequests.priority(new PriorityRequest(priority, form.getFirst("reason")))
                    .flatMap(change -> service.changePriority(caller, alertId(request), change.priority(),
                            change.reason()))
                    .thenReturn("priority");
        });
    }

    Mono<ServerResponse> ask(ServerRequest request) {
        return post(request, (caller, form) -> AlertRequests.question(new QuestionRequest(form.getFirst("text")))
                .flatMap(text -> service.ask(caller, alertId(request), text, submissionId(form)))
                .thenReturn("question"));
    }

    Mono<ServerResponse> note(ServerRequest request) {
        return post(request, (caller, form) -> AlertRequests.note(new NoteRequest(form.getFirst("text")))
                .flatMap(text -> service.addNote(caller, alertId(request), text, submissionId(form)))
                .thenReturn("note"));
    }

    /**
     * A form post: the action emits the confirmation to show, and the browser is sent back to the alert (reopened when
     * the form was posted with the details open); refused fields, or a change the alert's state no longer allows, are
     * shown on the alert again with what was typed.
     */
    private Mono<ServerResponse> post(ServerRequest request,
                                      BiFunction<InboxCaller, MultiValueMap<String, String>, Mono<String>> action) {
        String alertId = alertId(request);
        return request.formData().flatMap(form -> InboxCaller.current().flatMap(caller -> {
            Opened opened = openedBy(form);
            return action.apply(caller, form)
                    .flatMap(done -> ServerResponse.seeOther(alertPath(alertId, done, opened)).build())
                    .onErrorResume(InvalidFieldsException.class, e -> again(request, caller, form, opened,
                            HttpStatus.BAD_REQUEST, errors(request, e), null))
                    .onErrorResume(e -> e instanceof ResponseStatusException refused
                                    && refused.getStatusCode().value() == HttpStatus.CONFLICT.value(),
                            e -> again(request, caller, form, opened, HttpStatus.CONFLICT, Map.of(),
                                    "conflict." + action(request)));
        }));
    }

    /** The alert once more, with the form as typed and what is wrong with it. */
    private Mono<ServerResponse> again(ServerRequest request, InboxCaller caller, MultiValueMap<String, String> form,
                                       Opened opened, HttpStatus status, Map<String, String> errors, String conflict) {
        String alertId = alertId(request);
        Mono<AlertService.Reading> reading = opened.open() ? service.read(caller, alertId, opened.reason())
                : service.summary(caller, alertId).map(alert -> new AlertService.Reading(alert, false));
        return reading.flatMap(read -> {
            Forms blank = Forms.blank(read.view());
            String action = action(request);
            Forms typed = new Forms(
                    action.equals("outcome") ? text(form.getFirst("outcome")) : blank.outcome(),
                    action.equals("priority") ? text(form.getFirst("priority")) : blank.priority(),
                    action.equals("priority") ? text(form.getFirst("reason")) : "",
                    action.equals("question") ? text(form.getFirst("text")) : "",
                    action.equals("question") ? submissionOrFresh(form) : blank.questionSubmission(),
                    action.equals("note") ? text(form.getFirst("text")) : "",
                    action.equals("note") ? submissionOrFresh(form) : blank.noteSubmission());
            Opened shown = new Opened(opened.open(), read.recorded(), opened.reason());
            return detailPage(request, caller, status, read.view(), shown, typed, errors, null, conflict);
        });
    }

    private Mono<ServerResponse> detailPage(ServerRequest request, InboxCaller caller, HttpStatus status,
                                            AlertView alert, Opened opened, Forms forms, Map<String, String> errors,
                                            String done, String conflict) {
        return InboxPages.model(request, alertPath(alert.alertId(), null, Opened.CLOSED).toString()).flatMap(model -> {
            model.put("alert", alert);
            model.put("place", place(alert));
            model.put("opened", opened);
            model.put("forms", forms);
            model.put("errors", errors);
            model.put("done", done);
            model.put("conflict", conflict);
            model.put("history", history(alert));
            model.put("messages", opened.open() ? messages(alert) : List.of());
            model.put("notes", opened.open() && alert.notes() != null ? alert.notes() : List.of());
            model.put("mayFollowUp", DetailsPolicy.mayFollowUp(caller.recipient()));
            model.put("mayOpenDetails", caller.mayOpenDetails());
            model.put("outcomes", Outcome.values());
            model.put("priorities", Priority.values());
            model.put("maxReason", AlertRequests.MAX_REASON_LENGTH);
            model.put("maxQuestion", AlertRequests.MAX_QUESTION_LENGTH);
            model.put("maxNote", AlertRequests.MAX_NOTE_LENGTH);
            return PageResponses.render(status, "inbox/alert", model);
        });
    }

    /** What happened to the alert, oldest first: routed, escalated, priority changes, acknowledged, closed. */
    static List<HistoryEntry> history(AlertView alert) {
        List<HistoryEntry> history = new ArrayList<>();
        add(history, alert.createdAt(), "received", null, null, null, null, null);
        if (alert.routedAt() != null && !alert.routedAt().equals(alert.createdAt())) {
            add(history, alert.routedAt(), "rerouted", null, null, null, null, null);
        }
        add(history, alert.escalatedAt(), "escalated", null, alert.escalatedTo(), null, null, null);
        if (alert.priorityChanges() != null) {
            alert.priorityChanges().forEach(change -> add(history, change.at(), "priorityChanged", change.by(), null,
                    null, change.from(), change.to()));
        }
        add(history, alert.acknowledgedAt(), "acknowledged", alert.acknowledgedBy(), null, null, null, null);
        add(history, alert.closedAt(), "closed", alert.closedBy(), null, alert.outcome(), null, null);
        history.sort(Comparator.comparing(HistoryEntry::at));
        return history;
    }

    private static void add(List<HistoryEntry> history, Instant at, String kind, String by, String escalatedTo,
                            Outcome outcome, Priority from, Priority to) {
        if (at != null) {
            history.add(new HistoryEntry(at, kind, by, escalatedTo, outcome, from, to));
        }
    }

    private static List<MessageRow> messages(AlertView alert) {
        if (alert.messages() == null) {
            return List.of();
        }
        Map<String, Instant> questions = new HashMap<>();
        alert.messages().stream().filter(m -> m.direction() == Direction.QUESTION)
                .forEach(m -> questions.put(m.messageId(), m.sentAt()));
        return alert.messages().stream()
                .map(m -> new MessageRow(m.messageId(), m.direction(), m.text(), m.sentAt(),
                        m.questionId() == null ? null : questions.get(m.questionId())))
                .toList();
    }

    /** Where it happened, as the routing facts say: the premises, or the taxi trip. */
    static String place(AlertView alert) {
        if (alert.premises() != null) {
            Alert.Premises premises = alert.premises();
            String street = premises.address() == null ? null : premises.address().streetAddress();
            String joined = String.join(", ", Stream.of(premises.name(), street)
                    .filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        if (alert.trip() != null) {
            String from = stop(alert.trip().pickup());
            String to = stop(alert.trip().dropoff());
            if (from != null || to != null) {
                return (from == null ? "–" : from) + " → " + (to == null ? "–" : to);
            }
        }
        return null;
    }

    private static String stop(Alert.Stop stop) {
        return stop == null || stop.address() == null ? null : stop.address().streetAddress();
    }

    /**
     * Each problem as the page shows it: the id of the form field at fault (the error summary links to it) with the
     * message key of what to do; anything else is the form as a whole.
     */
    private static Map<String, String> errors(ServerRequest request, InvalidFieldsException e) {
        String action = action(request);
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            switch (action + "." + problem.field()) {
                case "outcome.outcome" -> errors.putIfAbsent("outcome-" + Outcome.values()[0], "error.outcome");
                case "priority.priority" -> errors.putIfAbsent("priority", "error.priority");
                case "priority.reason" -> errors.putIfAbsent("priority-reason", "error.priorityReason");
                case "question.text" -> errors.putIfAbsent("question-text", "error.question");
                case "note.text" -> errors.putIfAbsent("note-text", "error.note");
                default -> errors.putIfAbsent(action + "-form", "error.form");
            }
        }
        return errors;
    }

    /** Which form was posted: the last segment of its path. */
    private static String action(ServerRequest request) {
        String path = request.path();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return switch (last) {
            case "questions" -> "question";
            case "notes" -> "note";
            default -> last;
        };
    }

    /** A form posted with the details open names the reason they were opened for, to reopen them with. */
    private static Opened openedBy(MultiValueMap<String, String> form) {
        if (!"true".equals(form.getFirst("open"))) {
            return Opened.CLOSED;
        }
        FieldProblems problems = new FieldProblems();
        String reason = AlertRequests.text(problems, "reason", form.getFirst("reason"), AlertRequests.MAX_REASON_LENGTH,
                false);
        return new Opened(true, false, reason == null || !problems.isEmpty() ? "" : reason);
    }

    private static URI alertPath(String alertId, String done, Opened opened) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath(ALERT_PATH);
        Map<String, String> values = new HashMap<>();
        values.put("alertId", alertId);
        if (opened.open()) {
            path.queryParam("open", "true");
            if (!opened.reason().isEmpty()) {
                path.queryParam("reason", "{reason}");
                values.put("reason", opened.reason());
            }
        }
        if (done != null) {
            path.queryParam("done", done);
        }
        return path.encode().buildAndExpand(values).toUri();
    }

    private static String alertId(ServerRequest request) {
        return request.pathVariable("alertId");
    }

    /** The form's submission id when it is one the page made, else none (then every post is a new text). */
    private static String submissionId(MultiValueMap<String, String> form) {
        String id = text(form.getFirst("submissionId"));
        return SUBMISSION_ID.matcher(id).matches() ? id : null;
    }

    private static String submissionOrFresh(MultiValueMap<String, String> form) {
        String id = submissionId(form);
        return id == null ? UUID.randomUUID().toString() : id;
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value) {
        String code = text(value);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(code)).findFirst().orElse(null);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
