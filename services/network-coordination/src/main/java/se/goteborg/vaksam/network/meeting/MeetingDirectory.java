package se.goteborg.vaksam.network.meeting;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** What the figures read of the meetings: when they were held and which members attended. */
@Component
public class MeetingDirectory {

    private final MeetingRepository meetings;

    MeetingDirectory(MeetingRepository meetings) {
        this.meetings = meetings;
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
