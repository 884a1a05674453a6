package se.goteborg.vaksam.network.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import reactor.test.StepVerifier;
import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingDraft;
import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingRequest;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class MeetingRequestsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final Set<String> MEMBERS = Set.of("m-1", "m-2", "m-3");

    @Test
    void aMeetingHeldTodayWithMembersIsTakenEachAttendeeOnce() {
        StepVerifier.create(MeetingRequests.check(new MeetingRequest(MeetingKind.MEETING, "  Nätverksmöte ",
                        "2026-12-07", List.of("m-2", "m-1", "m-2")), TODAY, MEMBERS))
                .assertNext(draft -> {
                    assertThat(draft.title()).isEqualTo("Nätverksmöte");
                    assertThat(draft.heldOn()).isEqualTo(TODAY);
                    assertThat(draft.attendeeMemberIds()).containsExactly("m-1", "m-2");
                })
                .verifyComplete();
        StepVerifier.create(MeetingRequests.check(new MeetingRequest(MeetingKind.TRAINING, "Utbildning",
                        "2026-01-15", null), TODAY, MEMBERS))
                .assertNext(draft -> assertThat(draft.attendeeMemberIds()).isEmpty())
                .verifyComplete();
    }

    @Test
    void everyOffendingFieldIsNamedAndEachUnknownAttendeeByItsPlace() {
        assertThat(fields(new MeetingRequest(null, " ", null, null))).containsExactly("kind", "title", "heldOn");
        assertThat(fields(new MeetingRequest(MeetingKind.MEETING, "x".repeat(201), "2026-12-08",
                Arrays.asList("m-1", "m-9", null))))
                .containsExactly("title", "heldOn", "attendeeMemberIds[1]", "attendeeMemberIds[2]");
        assertThat(fields(new MeetingRequest(MeetingKind.MEETING, "Möte", "7 december", List.of())))
                .containsExactly("heldOn");
        assertThat(fields(new MeetingRequest(MeetingKind.MEETING, "Möte", "2026-12-01",
                Collections.nCopies(MeetingRequests.MAX_ATTENDEES + 1, "m-1"))))
                .containsExactly("attendeeMemberIds");
    }

    @Test
    void anEditThatChangesNothingLeavesTheMeetingAsItWas() {
        Instant recordedAt = Instant.parse("2026-12-01T10:00:00Z");
        MeetingDraft draft = new MeetingDraft(MeetingKind.MEETING, "Möte", TODAY, Set.of("m-1", "m-2"));
        Meeting meeting = Meeting.recorded("meeting-1", draft, recordedAt);
        assertThat(meeting.version()).isZero();
        assertThat(meeting.edited(new MeetingDraft(MeetingKind.MEETING, "Möte", TODAY, Set.of("m-2", "m-1")),
                recordedAt.plusSeconds(60))).isSameAs(meeting);
        Meeting edited = meeting.edited(new MeetingDraft(MeetingKind.TRAINING, "Möte", TODAY, Set.of("m-1")),
                recordedAt.plusSeconds(60));
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.createdAt()).isEqualTo(recordedAt);
        assertThat(edited.changedAt()).isEqualTo(recordedAt.plusSeconds(60));
        assertThat(edited.attendeeMemberIds()).containsExactly("m-1");
    }

    private static List<String> fields(MeetingRequest request) {
        try {
            MeetingRequests.check(request, TODAY, MEMBERS).block();
        } catch (InvalidFieldsException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        throw new AssertionError("accepted: " + request);
    }
}
