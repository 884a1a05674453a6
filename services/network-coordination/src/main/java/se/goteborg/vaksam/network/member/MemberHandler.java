package se.goteborg.vaksam.network.member;

import java.net.URI;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.network.member.MemberRequests.EnrolRequest;
import se.goteborg.vaksam.network.member.MemberResponses.IssuedKeyResponse;
import se.goteborg.vaksam.network.member.MemberResponses.MemberResponse;

@Component
class MemberHandler {

    private final MemberService service;

    MemberHandler(MemberService service) {
        this.service = service;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return ServerResponse.ok().body(service.list().map(MemberResponse::of), MemberResponse.class);
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return service.get(request.pathVariable("memberId")).flatMap(this::ok);
    }

    Mono<ServerResponse> enrol(ServerRequest request) {
        return request.bodyToMono(EnrolRequest.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")))
                .flatMap(MemberRequests::check)
                .flatMap(service::enrol)
                .flatMap(issued -> keyResponse(ServerResponse.created(
                        URI.create("/api/v1/members/" + issued.member().memberId())), issued));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return service.revoke(request.pathVariable("memberId")).flatMap(this::ok);
    }

    Mono<ServerResponse> suspend(ServerRequest request) {
        return service.suspend(request.pathVariable("memberId")).flatMap(this::ok);
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return service.activate(request.pathVariable("memberId")).flatMap(this::ok);
    }

    Mono<ServerResponse> rotateKey(ServerRequest request) {
        return service.rotateKey(request.pathVariable("memberId"))
                .flatMap(issued -> keyResponse(ServerResponse.status(HttpStatus.OK), issued));
    }

    private Mono<ServerResponse> ok(Member member) {
        return ServerResponse.ok().bodyValue(MemberResponse.of(member));
    }

    /** The key must not linger in any cache between here and the coordinator. */
    private static Mono<ServerResponse> keyResponse(ServerResponse.BodyBuilder builder, IssuedKey issued) {
        return builder.cacheControl(CacheControl.noStore()).bodyValue(IssuedKeyResponse.of(issued));
    }
}
