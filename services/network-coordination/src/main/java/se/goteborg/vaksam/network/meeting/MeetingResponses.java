package se.goteborg.vaksam.network.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the meeting API. */
final class MeetingResponses {

    private MeetingResponses() {
    }

    /** {@code version} is what an edit sends back as {@code If-Match}; attendees are sorted by id. */
    record MeetingResponse(String meetingId, MeetingKind kind, String title, LocalDate heldOn,
                           List<String> attendeeMemberIds, Instant createdAt, Instant changedAt, long version) {

        static MeetingResponse of(Meeting meeting) {
            return new MeetingResponse(meeting.meetingId(), meeting.kind(), meeting.title(), meeting.heldOn(),
                    meeting.attendeeMemberIds().stream().sorted().toList(), meeting.createdAt(), meeting.changedAt(),
                    meeting.version());
        }
    }
}
