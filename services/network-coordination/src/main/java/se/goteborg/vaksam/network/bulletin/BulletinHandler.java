package se.goteborg.vaksam.network.bulletin;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.network.api.IfMatch;
import se.goteborg.vaksam.network.bulletin.BulletinRequests.BulletinRequest;
import se.goteborg.vaksam.network.bulletin.BulletinResponses.BulletinDetailResponse;
import se.goteborg.vaksam.network.bulletin.BulletinResponses.BulletinResponse;
import se.goteborg.vaksam.network.bulletin.BulletinResponses.RetryResponse;

/** The bulletin API under {@code /api/v1/network/bulletins}. */
@Component
class BulletinHandler {

    static final String PATH = "/api/v1/network/bulletins";

    private final BulletinService service;

    BulletinHandler(BulletinService service) {
        this.service = service;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return service.list().map(bulletin -> BulletinResponse.of(bulletin, service.now())).collectList()
                .flatMap(list -> ServerResponse.ok().bodyValue(list));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return body(request)
                .flatMap(draft -> service.create(null, draft))
                .flatMap(bulletin -> ServerResponse.created(URI.create(PATH + "/" + bulletin.bulletinId()))
                        .eTag(String.valueOf(bulletin.version()))
                        .bodyValue(BulletinResponse.of(bulletin, service.now())));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return service.detail(request.pathVariable("bulletinId"))
                .flatMap(detail -> ServerResponse.ok().eTag(String.valueOf(detail.bulletin().version()))
                        .bodyValue(BulletinDetailResponse.of(detail, service.now())));
    }

    /** {@code PUT}: the bulletin whole, while it is scheduled; {@code If-Match} with the version read guards it. */
    Mono<ServerResponse> edit(ServerRequest request) {
        Long expectedVersion = IfMatch.version(request);
        return body(request)
                .flatMap(draft -> service.edit(request.pathVariable("bulletinId"), draft, expectedVersion))
                .flatMap(this::ok);
    }

    Mono<ServerResponse> cancel(ServerRequest request) {
        return service.cancel(request.pathVariable("bulletinId")).flatMap(this::ok);
    }

    Mono<ServerResponse> withdraw(ServerRequest request) {
        return service.withdraw(request.pathVariable("bulletinId")).flatMap(this::ok);
    }

    Mono<ServerResponse> retry(ServerRequest request) {
        return service.retry(request.pathVariable("bulletinId"))
                .flatMap(requeued -> ServerResponse.status(HttpStatus.ACCEPTED).bodyValue(new RetryResponse(requeued)));
    }

    private Mono<BulletinDraft> body(ServerRequest request) {
        return request.bodyToMono(BulletinRequest.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")))
                .flatMap(body -> BulletinRequests.check(body, service.now()));
    }

    private Mono<ServerResponse> ok(Bulletin bulletin) {
        return ServerResponse.ok().eTag(String.valueOf(bulletin.version()))
                .bodyValue(BulletinResponse.of(bulletin, service.now()));
    }
}
