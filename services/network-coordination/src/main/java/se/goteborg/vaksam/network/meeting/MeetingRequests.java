package se.goteborg.vaksam.network.meeting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/** The request body of the meeting API (creating and editing share one) and its checks. */
final class MeetingRequests {

    static final int MAX_TITLE_LENGTH = 200;
    /** More than the network has members for years to come; a bound on what one request may name. */
    static final int MAX_ATTENDEES = 2000;

    private MeetingRequests() {
    }

    /**
     * @param heldOn the day it was held, {@code 2026-11-12}
     * @param attendeeMemberIds the members that attended; none, or left out, when none did
     */
    record MeetingRequest(MeetingKind kind, String title, String heldOn, List<String> attendeeMemberIds) {
    }

    /** A meeting as checked: what creating or editing one stores. */
    record MeetingDraft(MeetingKind kind, String title, LocalDate heldOn, Set<String> attendeeMemberIds) {
    }

    /**
     * The request as a draft, or every offending field named: the kind, a title, the day (not later than today: the
     * attendance is recorded, not planned), and attendees that are all members ({@code knownMemberIds}), each named
     * by its place in the list when it is none. An attendee named twice attended once.
     */
    static Mono<MeetingDraft> check(MeetingRequest request, LocalDate today, Set<String> knownMemberIds) {
        FieldProblems problems = new FieldProblems();
        problems.requirePresent("kind", request.kind());
        String title = request.title() == null || request.title().isBlank() ? null : request.title().strip();
        if (problems.requireText("title", title)) {
            problems.requireMaxLength("title", title, MAX_TITLE_LENGTH);
        }
        LocalDate heldOn = null;
        if (problems.requireText("heldOn", request.heldOn())) {
            try {
                heldOn = LocalDate.parse(request.heldOn().strip());
                problems.check(!heldOn.isAfter(today), "heldOn", "must not be later than today");
            } catch (DateTimeParseException e) {
                problems.add("heldOn", "must be a date such as 2026-11-12");
            }
        }
        List<String> attendees = request.attendeeMemberIds() == null ? List.of() : request.attendeeMemberIds();
        if (problems.check(attendees.size() <= MAX_ATTENDEES, "attendeeMemberIds",
                "must name at most " + MAX_ATTENDEES + " members")) {
            for (int i = 0; i < attendees.size(); i++) {
                problems.check(attendees.get(i) != null && knownMemberIds.contains(attendees.get(i)),
                        "attendeeMemberIds[" + i + "]", "is no member of the network");
            }
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidFieldsException(problems.asList()));
        }
        return Mono.just(new MeetingDraft(request.kind(), title, heldOn, new TreeSet<>(attendees)));
    }
}
