package se.goteborg.vaksam.network.member;

import java.net.URI;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.network.api.IfMatch;
import se.goteborg.vaksam.network.member.MemberRequests.MemberRequest;
import se.goteborg.vaksam.network.member.MemberResponses.IssuedKeyResponse;
import se.goteborg.vaksam.network.member.MemberResponses.MemberResponse;

@Component
class MemberHandler {

    private final MemberService service;
    private final EnrolmentLinks links;

    MemberHandler(MemberService service, EnrolmentLinks links) {
        this.service = service;
        this.links = links;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return ServerResponse.ok().body(service.list().map(MemberResponse::of), MemberResponse.class);
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return service.get(request.pathVariable("memberId")).flatMap(this::ok);
    }

    Mono<ServerResponse> enrol(ServerRequest request) {
        return body(request)
                .flatMap(service::enrol)
                .flatMap(issued -> keyResponse(ServerResponse.created(
                        URI.create("/api/v1/members/" + issued.member().memberId())), issued));
    }

    /** {@code PUT}: the organisation's details, whole; {@code If-Match} with the version read guards the edit. */
    Mono<ServerResponse> edit(ServerRequest request) {
        Long expectedVersion = IfMatch.version(request);
        return body(request)
                .flatMap(profile -> service.edit(request.pathVariable("memberId"), profile, expectedVersion))
                .flatMap(this::ok);
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

    /** {@code If-Match} with the version read, when given, makes a repeated request issue one key only. */
    Mono<ServerResponse> rotateKey(ServerRequest request) {
        return service.rotateKey(request.pathVariable("memberId"), IfMatch.version(request))
                .flatMap(issued -> keyResponse(ServerResponse.status(HttpStatus.OK), issued));
    }

    private Mono<MemberProfile> body(ServerRequest request) {
        return request.bodyToMono(MemberRequest.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")))
                .flatMap(body -> MemberRequests.check(body, service.today()));
    }

    private Mono<ServerResponse> ok(Member member) {
        return ServerResponse.ok().eTag(String.valueOf(member.version())).bodyValue(MemberResponse.of(member));
    }

    /** The key must not linger in any cache between here and the coordinator. */
    private Mono<ServerResponse> keyResponse(ServerResponse.BodyBuilder builder, IssuedKey issued) {
        return builder.cacheControl(CacheControl.noStore()).bodyValue(IssuedKeyResponse.of(issued, links));
    }
}
