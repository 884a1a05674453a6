package se.goteborg.vaksam.inbox.alert;

import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.inbox.alert.AlertRequests.NoteRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.OutcomeRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.PriorityRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.QuestionRequest;

@Component
class AlertHandler {

    private final AlertService service;

    AlertHandler(AlertService service) {
        this.service = service;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return InboxCaller.current().flatMap(caller -> AlertRequests.listQuery(request.queryParams())
                .flatMap(query -> ServerResponse.ok().body(service.list(caller, query), AlertView.class)));
    }

    /** The alert with what the caller may see opened; {@code ?reason=} goes into the audit log. */
    Mono<ServerResponse> get(ServerRequest request) {
        return InboxCaller.current()
                .flatMap(caller -> AlertRequests.openingReason(request.queryParam("reason").orElse(null))
                        .flatMap(reason -> service.open(caller, request.pathVariable("alertId"), reason)))
                // Opened details are personal data: no cache between here and the recipient may keep them.
                .flatMap(view -> ServerResponse.ok().header("Cache-Control", "no-store").bodyValue(view));
    }

    Mono<ServerResponse> acknowledge(ServerRequest request) {
        return InboxCaller.current()
                .flatMap(caller -> service.acknowledge(caller, request.pathVariable("alertId")))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> outcome(ServerRequest request) {
        return InboxCaller.current()
                .flatMap(caller -> body(request, caller, OutcomeRequest.class, AlertRequests::outcome)
                        .flatMap(outcome -> service.recordOutcome(caller, request.pathVariable("alertId"), outcome)))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> priority(ServerRequest request) {
        return InboxCaller.current()
                .flatMap(caller -> body(request, caller, PriorityRequest.class, AlertRequests::priority)
                        .flatMap(change -> service.changePriority(caller, request.pathVariable("alertId"),
                                change.priority(), change.reason())))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> ask(ServerRequest request) {
        return InboxCaller.current()
                .flatMap(caller -> service.mayAsk(caller)
                        .then(body(request, caller, QuestionRequest.class, AlertRequests::question))
                        .flatMap(text -> service.ask(caller, request.pathVariable("alertId"), text)))
                .flatMap(messageId -> ServerResponse.status(HttpStatus.CREATED)
                        .bodyValue(Map.of("messageId", messageId)));
    }

    Mono<ServerResponse> note(ServerRequest request) {
        return InboxCaller.current()
                .flatMap(caller -> body(request, caller, NoteRequest.class, AlertRequests::note)
                        .flatMap(text -> service.addNote(caller, request.pathVariable("alertId"), text)))
                .flatMap(noteId -> ServerResponse.status(HttpStatus.CREATED).bodyValue(Map.of("noteId", noteId)));
    }

    /**
     * The request's body, checked, once the alert is known to be the caller's: another organisation's alert is
     * answered 404 whatever the body, exactly like one that does not exist.
     */
    private <B, T> Mono<T> body(ServerRequest request, InboxCaller caller, Class<B> type, Function<B, Mono<T>> check) {
        return service.summary(caller, request.pathVariable("alertId"))
                .then(request.bodyToMono(type))
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")))
                .flatMap(check);
    }
}
