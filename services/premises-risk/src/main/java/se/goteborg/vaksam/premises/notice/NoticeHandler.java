package se.goteborg.vaksam.premises.notice;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.RequestBodies;
import se.goteborg.vaksam.web.security.VaksamCaller;

@Component
class NoticeHandler {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final NoticeService notices;

    NoticeHandler(NoticeService notices) {
        this.notices = notices;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return notices.list().flatMap(list -> ServerResponse.ok()
                .bodyValue(Map.<String, List<NoticeSummary>>of("notices", list)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return notices.get(request.pathVariable("premisesId")).flatMap(notice -> ServerResponse.ok().bodyValue(notice));
    }

    Mono<ServerResponse> recordAction(ServerRequest request) {
        String premisesId = request.pathVariable("premisesId");
        String idempotencyKey = request.headers().firstHeader(IDEMPOTENCY_KEY);
        return VaksamCaller.current()
                .flatMap(caller -> RequestBodies.required(request, ActionRequest.class)
                        .flatMap(action -> notices.recordAction(premisesId, action, caller.subject(), idempotencyKey)))
                .flatMap(notice -> ServerResponse.status(HttpStatus.CREATED)
                        .location(URI.create(NoticeRouter.NOTICES_PATH + "/" + notice.premisesId()))
                        .bodyValue(notice));
    }
}
