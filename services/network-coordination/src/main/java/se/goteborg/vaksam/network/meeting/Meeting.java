package se.goteborg.vaksam.network.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingDraft;

/**
 * A network meeting or training as a coordinator records it, with the member organisations that attended (ids only:
 * who of their staff came is not the network's business). {@code version} guards concurrent edits.
 */
record Meeting(String meetingId, MeetingKind kind, String title, LocalDate heldOn, Set<String> attendeeMemberIds,
               Instant createdAt, Instant changedAt, long version) {

    Meeting {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(heldOn, "heldOn");
        attendeeMemberIds = Set.copyOf(new TreeSet<>(attendeeMemberIds));
    }

    static Meeting recorded(String meetingId, MeetingDraft draft, Instant now) {
        return new Meeting(meetingId, draft.kind(), draft.title(), draft.heldOn(), draft.attendeeMemberIds(), now, now,
                0);
    }

    /** The meeting as {@code draft} has it; this very meeting when that changes nothing. */
    Meeting edited(MeetingDraft draft, Instant now) {
        if (kind == draft.kind() && title.equals(draft.title()) && heldOn.equals(draft.heldOn())
                && attendeeMemberIds.equals(draft.attendeeMemberIds())) {
            return this;
        }
        return new Meeting(meetingId, draft.kind(), draft.title(), draft.heldOn(), draft.attendeeMemberIds(),
                createdAt, now, version + 1);
    }
}
