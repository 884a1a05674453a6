package se.goteborg.vaksam.network.meeting;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingDraft;

/**
 * What the figures read of the meetings (when they were held and which members attended), and how the demo history
 * records its own.
 */
@Component
public class MeetingDirectory {

    private final MeetingRepository meetings;
    private final MeetingService service;

    MeetingDirectory(MeetingRepository meetings, MeetingService service) {
        this.meetings = meetings;
        this.service = service;
    }

    /** Records a meeting under its id, unless one is recorded under that id already (the demo's history). */
    public Mono<Void> record(MeetingSummary meeting) {
        return service.create(meeting.meetingId(), new MeetingDraft(meeting.kind(), meeting.title(), meeting.heldOn(),
                meeting.attendeeMemberIds())).then();
    }

    /** The meetings held from {@code from} up to, not including, {@code to}; newest first. */
    public Flux<MeetingSummary> heldBetween(LocalDate from, LocalDate to) {
        return meetings.findAll()
                .filter(meeting -> !meeting.heldOn().isBefore(from) && meeting.heldOn().isBefore(to))
                .map(meeting -> new MeetingSummary(meeting.meetingId(), meeting.kind(), meeting.title(),
                        meeting.heldOn(), meeting.attendeeMemberIds()));
    }

    public record MeetingSummary(String meetingId, MeetingKind kind, String title, LocalDate heldOn,
                                 Set<String> attendeeMemberIds) {
    }
}
