package se.goteborg.vaksam.network.meeting;

import static se.goteborg.vaksam.network.page.FormFields.text;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.MultiValueMap;

import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingRequest;
import se.goteborg.vaksam.network.page.FormFields;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The meeting form as typed. {@code submissionId} names a new meeting (it becomes the meeting's id, so the form sent
 * twice records it once); {@code version} is the version an edit was made on.
 */
record MeetingForm(String kind, String title, String heldOn, Set<String> attendees, String submissionId,
                   String version) {

    static MeetingForm blank(LocalDate today) {
        return new MeetingForm(MeetingKind.MEETING.name(), "", today.toString(), Set.of(),
                FormFields.newSubmissionId(), "");
    }

    static MeetingForm of(Meeting meeting) {
        return new MeetingForm(meeting.kind().name(), meeting.title(), meeting.heldOn().toString(),
                meeting.attendeeMemberIds(), "", String.valueOf(meeting.version()));
    }

    static MeetingForm typed(MultiValueMap<String, String> form) {
        List<String> attendees = form.getOrDefault("attendee", List.of());
        return new MeetingForm(text(form, "kind"), text(form, "title"), text(form, "heldOn"),
                new TreeSet<>(attendees.stream().filter(Objects::nonNull).map(String::strip).toList()),
                text(form, "submissionId"), text(form, "version"));
    }

    /** The form as the API's request, for the API's checks; a kind that is no code is no kind. */
    MeetingRequest request() {
        MeetingKind meetingKind = Arrays.stream(MeetingKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .orElse(null);
        return new MeetingRequest(meetingKind, title, heldOn, List.copyOf(attendees));
    }

    String meetingId() {
        return FormFields.submissionIdOrNew(submissionId);
    }

    Long expectedVersion() {
        return FormFields.version(version);
    }

    /** Whether the member's box is ticked; public for the template. */
    public boolean attends(String memberId) {
        return attendees.contains(memberId);
    }

    /** Each field at fault by the id the page links to, with the message key of what to do. */
    static Map<String, String> errors(InvalidFieldsException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            String field = problem.field().startsWith("attendeeMemberIds") ? "attendees" : problem.field();
            errors.putIfAbsent(field, "meetings.error." + field);
        }
        return errors;
    }
}
