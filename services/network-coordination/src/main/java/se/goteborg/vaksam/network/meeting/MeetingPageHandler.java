package se.goteborg.vaksam.network.meeting;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.member.MemberDirectory;
import se.goteborg.vaksam.network.member.MemberDirectory.MemberSummary;
import se.goteborg.vaksam.network.page.Pages;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The meeting pages: the meetings held, newest first, with how many members attended; the form that records a
 * meeting and its attendance (a box per member, grouped by type of business), which also edits one; and deleting one
 * after a confirmation. Every form is harmless to send twice: a new meeting carries a submission id that becomes its
 * id, an edit carries the version it was made on and changing nothing is no conflict, and deleting is done once.
 */
@Component
class MeetingPageHandler {

    static final String PATH = Pages.PATH + "/meetings";
    private static final Set<String> CONFIRMATIONS = Set.of("recorded", "edited", "deleted");

    private final MeetingService service;
    private final MemberDirectory members;

    MeetingPageHandler(MeetingService service, MemberDirectory members) {
        this.service = service;
        this.members = members;
    }

    /** The members of one type, by name, as the attendance boxes list them. */
    record Group(MemberType type, List<MemberSummary> members) {
    }

    Mono<ServerResponse> list(ServerRequest request) {
        String done = request.queryParam("done").filter(CONFIRMATIONS::contains).orElse(null);
        return service.list().collectList().flatMap(meetings -> Pages.model(request, PATH).flatMap(model -> {
            model.put("meetings", meetings);
            model.put("done", done);
            return PageResponses.render(HttpStatus.OK, "network/meetings/list", model);
        }));
    }

    Mono<ServerResponse> newForm(ServerRequest request) {
        return form(request, HttpStatus.OK, null, MeetingForm.blank(service.today()), Map.of());
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return request.formData().map(MeetingForm::typed).flatMap(typed -> service.check(typed.request())
                .flatMap(draft -> service.create(typed.meetingId(), draft))
                .flatMap(meeting -> ServerResponse.seeOther(listPath("recorded")).build())
                .onErrorResume(InvalidFieldsException.class,
                        e -> form(request, HttpStatus.BAD_REQUEST, null, typed, MeetingForm.errors(e))));
    }

    Mono<ServerResponse> editForm(ServerRequest request) {
        return service.get(meetingId(request)).flatMap(meeting -> form(request, HttpStatus.OK, meeting,
                MeetingForm.of(meeting), Map.of()));
    }

    /** Saves the edit made on the version the form carries: a meeting changed since shows the conflict page. */
    Mono<ServerResponse> edit(ServerRequest request) {
        return service.get(meetingId(request)).flatMap(meeting -> request.formData().map(MeetingForm::typed)
                .flatMap(typed -> {
                    Long version = typed.expectedVersion();
                    if (version == null) {
                        return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                "The form has no version."));
                    }
                    return service.check(typed.request())
                            .flatMap(draft -> service.edit(meeting.meetingId(), draft, version))
                            .flatMap(edited -> ServerResponse.seeOther(listPath("edited")).build())
                            .onErrorResume(InvalidFieldsException.class, e -> form(request, HttpStatus.BAD_REQUEST,
                                    meeting, typed, MeetingForm.errors(e)));
                }));
    }

    Mono<ServerResponse> deleteConfirmation(ServerRequest request) {
        return service.get(meetingId(request)).flatMap(meeting -> Pages.model(request,
                PATH + "/" + meeting.meetingId() + "/delete").flatMap(model -> {
                    model.put("meeting", meeting);
                    return PageResponses.render(HttpStatus.OK, "network/meetings/delete", model);
                }));
    }

    /** Deletes the meeting; one deleted already (the form sent twice) is gone all the same. */
    Mono<ServerResponse> delete(ServerRequest request) {
        return service.delete(meetingId(request)).then(ServerResponse.seeOther(listPath("deleted")).build());
    }

    private Mono<ServerResponse> form(ServerRequest request, HttpStatus status, Meeting meeting, MeetingForm form,
                                      Map<String, String> errors) {
        String switchPath = meeting == null ? PATH + "/new" : PATH + "/" + meeting.meetingId();
        return members.all().collectList().flatMap(all -> Pages.model(request, switchPath).flatMap(model -> {
            model.put("meeting", meeting);
            model.put("form", form);
            model.put("errors", errors);
            model.put("kinds", MeetingKind.values());
            model.put("groups", groups(all, form));
            model.put("today", service.today().toString());
            model.put("maxTitle", MeetingRequests.MAX_TITLE_LENGTH);
            return PageResponses.render(status, "network/meetings/form", model);
        }));
    }

    /**
     * The members a box is shown for, by type of business: every member not revoked, and a revoked one that is ticked
     * (it attended before it left the network).
     */
    private static List<Group> groups(List<MemberSummary> all, MeetingForm form) {
        return Arrays.stream(MemberType.values())
                .map(type -> new Group(type, all.stream()
                        .filter(member -> member.type() == type)
                        .filter(member -> member.status() != MemberStatus.REVOKED || form.attends(member.memberId()))
                        .toList()))
                .filter(group -> !group.members().isEmpty())
                .toList();
    }

    private static URI listPath(String done) {
        return UriComponentsBuilder.fromPath(PATH).queryParam("done", done).build().toUri();
    }

    private static String meetingId(ServerRequest request) {
        return request.pathVariable("meetingId");
    }
}
