package se.goteborg.vaksam.network.meeting;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.network.api.IfMatch;
import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingDraft;
import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingRequest;
import se.goteborg.vaksam.network.meeting.MeetingResponses.MeetingResponse;

/** The meeting API: meetings newest first, each with its ETag (the version an edit sends back as If-Match). */
@Component
class MeetingHandler {

    static final String PATH = "/api/v1/network/meetings";

    private final MeetingService service;

    MeetingHandler(MeetingService service) {
        this.service = service;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return ServerResponse.ok().body(service.list().map(MeetingResponse::of), MeetingResponse.class);
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return service.get(meetingId(request)).flatMap(meeting -> ok(ServerResponse.ok(), meeting));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return body(request).flatMap(service::create).flatMap(meeting -> ok(ServerResponse.created(
                URI.create(PATH + "/" + meeting.meetingId())), meeting));
    }

    /** {@code PUT}: the meeting, whole; {@code If-Match} with the version read guards the edit. */
    Mono<ServerResponse> edit(ServerRequest request) {
        Long expectedVersion = IfMatch.version(request);
        return body(request).flatMap(draft -> service.edit(meetingId(request), draft, expectedVersion))
                .flatMap(meeting -> ok(ServerResponse.ok(), meeting));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return service.get(meetingId(request)).flatMap(meeting -> service.delete(meeting.meetingId()))
                .then(ServerResponse.noContent().build());
    }

    private Mono<MeetingDraft> body(ServerRequest request) {
        return request.bodyToMono(MeetingRequest.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")))
                .flatMap(service::check);
    }

    private static Mono<ServerResponse> ok(ServerResponse.BodyBuilder builder, Meeting meeting) {
        return builder.eTag(String.valueOf(meeting.version())).bodyValue(MeetingResponse.of(meeting));
    }

    private static String meetingId(ServerRequest request) {
        return request.pathVariable("meetingId");
    }
}
