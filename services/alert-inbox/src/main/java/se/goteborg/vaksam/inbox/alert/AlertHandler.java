package se.goteborg.vaksam.inbox.alert;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.inbox.alert.AlertRequests.OutcomeRequest;
import se.goteborg.vaksam.inbox.alert.AlertRequests.QuestionRequest;

@Component
class AlertHandler {

    private final AlertService service;

    AlertHandler(AlertService service) {
        this.service = service;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return InboxCaller.current().flatMap(caller -> AlertRequests
                .listQuery(request.queryParam("status"), request.queryParam("limit"))
                .flatMap(query -> ServerResponse.ok()
                        .body(service.list(caller, query.status(), query.limit()), AlertView.class)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return InboxCaller.current()
                .flatMap(caller -> service.get(caller, request.pathVariable("alertId")))
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
                .flatMap(caller -> request.bodyToMono(OutcomeRequest.class)
                        .switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")))
                        .flatMap(AlertRequests::outcome)
                        .flatMap(outcome -> service.recordOutcome(caller, request.pathVariable("alertId"), outcome)))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> ask(ServerRequest request) {
        return InboxCaller.current()
                .flatMap(caller -> request.bodyToMono(QuestionRequest.class)
                        .switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")))
                        .flatMap(AlertRequests::question)
                        .flatMap(text -> service.ask(caller, request.pathVariable("alertId"), text)))
                .flatMap(messageId -> ServerResponse.status(HttpStatus.CREATED)
                        .bodyValue(Map.of("messageId", messageId)));
    }
}
