package se.goteborg.vaksam.intake.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.bulletin.BulletinStatus;
import se.goteborg.vaksam.events.member.MemberType;

class BoardTest {

    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");

    @Test
    void aNewerStateReplacesAnOlderOneAndAReplayedOlderOneChangesNothing() {
        BoardEntry published = entry("b1", BulletinStatus.PUBLISHED, NOW.minusSeconds(60));
        BoardEntry withdrawn = entry("b1", BulletinStatus.WITHDRAWN, NOW);
        Board board = Board.EMPTY.with(published, NOW).with(withdrawn, NOW);

        assertThat(board.entries()).containsExactly(withdrawn);
        assertThat(board.with(published, NOW)).as("the older state replayed").isSameAs(board);
        assertThat(board.with(withdrawn, NOW)).as("the same state again").isSameAs(board);
    }

    @Test
    void whatHasExpiredIsDroppedAndNeverComesBack() {
        BoardEntry soon = entry("b1", BulletinStatus.PUBLISHED, NOW);
        BoardEntry later = new BoardEntry("b2", BulletinStatus.PUBLISHED, "T", "T", "B", "B", List.of(), List.of(),
                NOW, NOW.plus(Duration.ofDays(30)), NOW);
        Board board = Board.EMPTY.with(soon, NOW).with(later, NOW);
        assertThat(board.entries()).hasSize(2);

        Instant afterExpiry = soon.expiresAt();
        Board pruned = board.with(later, afterExpiry);
        assertThat(pruned.entries()).containsExactly(later);
        assertThat(pruned.with(soon, afterExpiry)).as("an expired bulletin replayed").isSameAs(pruned);
    }

    @Test
    void aMemberIsShownWhatIsPublishedForItsTypeAndDistrictBetweenItsTimes() {
        BoardEntry hotelsInCentrum = new BoardEntry("b", BulletinStatus.PUBLISHED, "T", "T", "B", "B",
                List.of("HOTEL", "HOSTEL"), List.of("CENTRUM"), NOW, NOW.plus(Duration.ofDays(1)), NOW);

        assertThat(hotelsInCentrum.shownTo(MemberType.HOTEL, "CENTRUM", NOW)).isTrue();
        assertThat(hotelsInCentrum.shownTo(MemberType.HOSTEL, "CENTRUM", NOW.plus(Duration.ofHours(23)))).isTrue();
        assertThat(hotelsInCentrum.shownTo(MemberType.TAXI, "CENTRUM", NOW)).as("another type").isFalse();
        assertThat(hotelsInCentrum.shownTo(MemberType.HOTEL, "HISINGEN", NOW)).as("another district").isFalse();
        assertThat(hotelsInCentrum.shownTo(MemberType.HOTEL, null, NOW)).as("no district").isFalse();
        assertThat(hotelsInCentrum.shownTo(MemberType.HOTEL, "CENTRUM", NOW.minusMillis(1))).as("before").isFalse();
        assertThat(hotelsInCentrum.shownTo(MemberType.HOTEL, "CENTRUM", NOW.plus(Duration.ofDays(1))))
                .as("at its expiry").isFalse();

        BoardEntry everyone = new BoardEntry("e", BulletinStatus.PUBLISHED, "T", "T", "B", "B", List.of(), List.of(),
                NOW, NOW.plus(Duration.ofDays(1)), NOW);
        assertThat(everyone.shownTo(MemberType.OTHER, null, NOW)).isTrue();
        BoardEntry unknown = new BoardEntry("u", BulletinStatus.PUBLISHED, "T", "T", "B", "B", List.of(),
                List.of("UNKNOWN"), NOW, NOW.plus(Duration.ofDays(1)), NOW);
        assertThat(unknown.shownTo(MemberType.OTHER, null, NOW)).as("no district is UNKNOWN").isTrue();
        assertThat(entry("w", BulletinStatus.WITHDRAWN, NOW).shownTo(MemberType.HOTEL, "CENTRUM", NOW)).isFalse();
    }

    private static BoardEntry entry(String id, BulletinStatus status, Instant changedAt) {
        return new BoardEntry(id, status, "Titel", "Title", "Text", "Text", List.of(), List.of(),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)), changedAt);
    }
}
