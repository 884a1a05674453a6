package se.goteborg.vaksam.network.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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

    Meeting changed(MeetingKind newKind, String newTitle, LocalDate newHeldOn, Set<String> attendees, Instant now) {
        return new Meeting(meetingId, newKind, newTitle, newHeldOn, attendees, createdAt, now, version + 1);
    }
}
