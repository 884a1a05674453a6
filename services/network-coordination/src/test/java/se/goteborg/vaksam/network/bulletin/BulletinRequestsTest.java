package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.bulletin.BulletinRequests.BulletinRequest;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class BulletinRequestsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");

    @Test
    void aCompleteRequestBecomesADraftWithTrimmedTextsAndOrderedTargets() {
        BulletinDraft draft = BulletinRequests.check(new BulletinRequest("  Mässan  ", "The fair",
                "Rad ett\r\nrad två\r\n\r\nNytt stycke ", "Line", List.of("taxi", "HOTEL", "TAXI"),
                List.of("Hisingen", "CENTRUM"), "2026-11-28T09:00:00+01:00", "2026-12-05T23:59:00+01:00"), NOW).block();

        assertThat(draft.text()).isEqualTo(new BulletinText("Mässan", "The fair", "Rad ett\nrad två\n\nNytt stycke",
                "Line"));
        assertThat(draft.text().paragraphsSv()).containsExactly("Rad ett\nrad två", "Nytt stycke");
        assertThat(draft.targets().memberTypes()).containsExactly(MemberType.HOTEL, MemberType.TAXI);
        assertThat(draft.targets().districts()).containsExactly(District.CENTRUM, District.HISINGEN);
        assertThat(draft.publishAt()).isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
        assertThat(draft.expiresAt()).isEqualTo(Instant.parse("2026-12-05T22:59:00Z"));
    }

    @Test
    void withoutAPublicationTimeOrWithOneAMomentAgoItIsPublishedNow() {
        assertThat(check(null, "2026-12-01T00:00:00Z").publishAt()).isEqualTo(NOW);
        assertThat(check(" ", "2026-12-01T00:00:00Z").publishAt()).isEqualTo(NOW);
        assertThat(check(NOW.minus(Duration.ofMinutes(4)).toString(), "2026-12-01T00:00:00Z").publishAt())
                .isEqualTo(NOW);
    }

    @Test
    void noTargetsMeansEveryone() {
        BulletinDraft draft = BulletinRequests.check(new BulletinRequest("T", "T", "B", "B", null, List.of(), null,
                "2026-12-01T00:00:00Z"), NOW).block();
        assertThat(draft.targets()).isEqualTo(Targets.everyone());
    }

    @Test
    void everyOffendingFieldIsNamed() {
        assertThat(problems(new BulletinRequest(null, " ", "", null, null, null, null, null)))
                .containsExactly("titleSv: is required", "titleEn: is required", "bodySv: is required",
                        "bodyEn: is required", "expiresAt: is required");
        assertThat(problems(new BulletinRequest("x".repeat(121), "Tab\there", "b".repeat(2001), "bell\u0007",
                List.of("HOTEL", "CASINO"), Arrays.asList("MARS", null), "soon", "2026-12-01")))
                .containsExactly("titleSv: must be at most 120 characters",
                        "titleEn: must be one line without control characters",
                        "bodySv: must be at most 2000 characters",
                        "bodyEn: must not contain control characters",
                        "memberTypes[1]: must be one of HOTEL, HOSTEL, RESTAURANT, TAXI, VENUE, OTHER",
                        "districts[0]: must be one of CENTRUM, NORDOST, SYDVAST, HISINGEN, OUTSIDE_CITY, UNKNOWN",
                        "districts[1]: must be one of CENTRUM, NORDOST, SYDVAST, HISINGEN, OUTSIDE_CITY, UNKNOWN",
                        "publishAt: must be a time with its offset, such as 2026-12-01T08:00:00+01:00",
                        "expiresAt: must be a time with its offset, such as 2026-12-01T08:00:00+01:00");
    }

    @Test
    void theTimesMustBeInOrderAndWithinAYear() {
        assertThat(problems(times(NOW.minus(Duration.ofMinutes(6)), NOW.plus(Duration.ofDays(1)))))
                .containsExactly("publishAt: must not be in the past");
        assertThat(problems(times(NOW.plus(Duration.ofDays(367)), NOW.plus(Duration.ofDays(368)))))
                .containsExactly("publishAt: must be within a year from now");
        assertThat(problems(times(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2)))))
                .containsExactly("expiresAt: must be after publishAt");
        assertThat(problems(times(NOW, NOW.plus(Duration.ofDays(367)))))
                .containsExactly("expiresAt: must be at most a year after publishAt");
        assertThat(problems(new BulletinRequest("T", "T", "B", "B", null, null, null,
                NOW.minus(Duration.ofSeconds(1)).toString()))).containsExactly("expiresAt: must be after publishAt");
    }

    @Test
    void tooManyTargetsAreRefusedWhole() {
        assertThat(problems(new BulletinRequest("T", "T", "B", "B", Collections.nCopies(21, "HOTEL"), null,
                null, "2026-12-01T00:00:00Z"))).containsExactly("memberTypes: must have at most 20 entries");
    }

    private static BulletinDraft check(String publishAt, String expiresAt) {
        return BulletinRequests.check(new BulletinRequest("T", "T", "B", "B", null, null, publishAt, expiresAt), NOW)
                .block();
    }

    private static BulletinRequest times(Instant publishAt, Instant expiresAt) {
        return new BulletinRequest("T", "T", "B", "B", null, null, publishAt.toString(), expiresAt.toString());
    }

    private static List<String> problems(BulletinRequest request) {
        try {
            BulletinRequests.check(request, NOW).block();
        } catch (InvalidFieldsException e) {
            return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
        throw new AssertionError("no problems found in " + request);
    }
}
