package se.goteborg.vaksam.network.member;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.UUID;

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
import se.goteborg.vaksam.web.problem.IdempotencyKeys;

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

    /**
     * With an {@code Idempotency-Key}, the member's id is made from the caller and the key, so the same request sent
     * again (a retry after a lost answer) enrols no second member: it is refused (409) naming the member it made,
     * whose key only the first answer had ({@code POST .../keys} issues a new one).
     */
    Mono<ServerResponse> enrol(ServerRequest request) {
        String idempotencyKey = request.headers().firstHeader(IdempotencyKeys.HEADER);
        if (idempotencyKey != null && !IdempotencyKeys.isValid(idempotencyKey)) {
            return Mono.error(IdempotencyKeys.invalid());
        }
        return body(request)
                .flatMap(profile -> memberId(request, idempotencyKey).flatMap(id -> service.enrol(id, profile)))
                .flatMap(issued -> keyResponse(ServerResponse.created(
                        URI.create("/api/v1/members/" + issued.member().memberId())), issued));
    }

    private static Mono<String> memberId(ServerRequest request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Mono.just(UUID.randomUUID().toString());
        }
        return request.principal().map(Principal::getName).defaultIfEmpty("")
                .map(caller -> UUID.nameUUIDFromBytes(("member enrolment\n" + caller + "\n" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8)).toString());
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
