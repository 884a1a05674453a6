package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.network.figures.AlertFigures.RecipientFigures;
import se.goteborg.vaksam.network.figures.TipFigures.TipCounts;

/** How tips and alerts are counted from their day documents, and how the counts are shown. */
class FiguresCountingTest {

    @Test
    void aTipKeepsCodesAndTheDayItWasSubmittedInSwedishTime() {
        TipSubmitted tip = FigureEvents.hotel("member-1", Instant.parse("2026-06-01T22:30:00Z"), "SE-411 19", "Göta")
                .setIndicators(List.of("NO_ID_OR_LUGGAGE", "Ringde 070-1234567", "NO_ID_OR_LUGGAGE",
                        "BOOKER_NOT_OCCUPANT"))
                .build();

        TipFact fact = TipFact.of(tip, "HOTEL");

        assertThat(fact.day()).as("00:30 in Göteborg").isEqualTo(LocalDate.parse("2026-06-02"));
        assertThat(fact.district()).isEqualTo("CENTRUM");
        assertThat(fact.indicators()).containsExactly("BOOKER_NOT_OCCUPANT", "NO_ID_OR_LUGGAGE", Codes.OTHER);
        assertThat(fact.entry().keySet()).containsExactlyInAnyOrder("m", "mt", "c", "d", "e", "s", "x", "i");
        assertThat(fact.entry().toJson()).doesNotContain("Göta", "411", "Rum", "070");
    }

    @Test
    void aTaxiTipCountsWhereItEndedOrElseWhereItBegan() {
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        assertThat(TipFact.of(FigureEvents.taxi("m", at, "411 19", "417 05", "x").build(), "TAXI").district())
                .isEqualTo("HISINGEN");
        assertThat(TipFact.of(FigureEvents.taxi("m", at, "416 60", null, "x").build(), "TAXI").district())
                .isEqualTo("NORDOST");
        assertThat(TipFact.of(FigureEvents.taxi("m", at, "not a code", "12345", "x").build(), "TAXI").district())
                .isEqualTo("OUTSIDE_CITY");
        assertThat(TipFact.of(FigureEvents.taxi("m", at, null, null, "x").build(), "TAXI").district())
                .isEqualTo("UNKNOWN");
    }

    @Test
    void aDaysTipsAreCountedByEveryCodeAndMember() {
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        Document entries = new Document();
        for (TipSubmitted tip : List.of(FigureEvents.hotel("member-a", at, "411 19", "x").build(),
                FigureEvents.hotel("member-a", at, "421 30", "x").build(),
                FigureEvents.taxi("member-b", at, "416 60", "417 05", "x").build())) {
            entries.append(tip.getTipId(), TipFact.of(tip, tip.getChannel().name()).entry());
        }

        Tally day = TipFact.count(new Document("_id", "2026-06-01").append("t", entries));

        assertThat(day.get(TipFact.TIPS)).isEqualTo(3);
        assertThat(day.dimension(TipFact.DISTRICT)).containsOnly(Map.entry("CENTRUM", 1L), Map.entry("SYDVAST", 1L),
                Map.entry("HISINGEN", 1L));
        assertThat(day.dimension(TipFact.MEMBER)).containsOnly(Map.entry("member-a", 2L), Map.entry("member-b", 1L));
        assertThat(day.get(TipFact.INDICATOR, "BOOKER_NOT_OCCUPANT")).isEqualTo(2);
        assertThat(day.get(TipFact.IMMEDIATE_DANGER)).isEqualTo(1);
        assertThat(day.get(TipFact.SUSPECTED_MINOR, "UNSURE")).isEqualTo(1);
    }

    @Test
    void aPeriodOfOneOrTwoTipsHidesEveryCellOfItsBreakdowns() {
        Tally two = new Tally();
        two.add(TipFact.TIPS, Tally.ALL, 2);
        two.add(TipFact.CHANNEL, "HOTEL", 2);
        TipCounts counts = FiguresService.tipCounts(two);
        assertThat(counts.tips().shown()).isEqualTo("< 3");
        assertThat(counts.byChannel().values()).allMatch(Count::suppressed);
        assertThat(counts.byIndicator()).hasSize(31).allSatisfy((code, count) -> assertThat(count.shown())
                .isEqualTo("< 3"));

        Tally five = new Tally();
        five.add(TipFact.TIPS, Tally.ALL, 5);
        five.add(TipFact.CHANNEL, "HOTEL", 5);
        five.add(TipFact.INDICATOR, Codes.OTHER, 1);
        TipCounts shown = FiguresService.tipCounts(five);
        assertThat(shown.byChannel()).containsEntry("HOTEL", Count.inGroupOf(5, 5)).containsEntry("TAXI",
                Count.inGroupOf(0, 5));
        assertThat(shown.byChannel().get("TAXI").shown()).isEqualTo(0);
        assertThat(shown.byMemberType()).containsOnlyKeys("HOTEL", "HOSTEL", "RESTAURANT", "TAXI", "VENUE", "OTHER",
                "UNKNOWN");
        assertThat(shown.byIndicator()).hasSize(32).containsKey(Codes.OTHER);
    }

    @Test
    void aDaysAlertsAreCountedPerRecipientWithTheirMinutesToAcknowledge() {
        Document entries = new Document()
                .append("a1", new Document("r", "POLICE").append("p", "HIGH").append("ack", 5L).append("out", "ACTED"))
                .append("a2", new Document("r", "POLICE").append("p", "HIGH").append("ack", 10L).append("esc", true))
                .append("a3", new Document("r", "POLICE").append("p", "IMMEDIATE").append("ack", 20L)
                        .append("chg", true))
                .append("a4", new Document("r", "LETTINGS_GROUP").append("p", "NORMAL"));

        Tally day = AlertFactsRepository.count(new Document("_id", "2026-06-01").append("a", entries));
        RecipientFigures police = FiguresService.recipients(day).get(0);

        assertThat(police.alerts().shown()).isEqualTo(3);
        assertThat(police.acknowledged().shown()).isEqualTo(3);
        assertThat(police.notAcknowledged().shown()).isEqualTo(0);
        assertThat(police.byPriority().get(se.goteborg.vaksam.events.common.Priority.HIGH).shown()).isEqualTo("< 3");
        assertThat(police.escalated().shown()).isEqualTo("< 3");
        assertThat(police.priorityChangedByRecipient().shown()).isEqualTo("< 3");
        assertThat(police.outcomes()).containsOnlyKeys("ACTED");
        assertThat(police.acknowledgedWithinMinutes()).isEqualTo(new AlertFigures.Minutes(10, 20));
        RecipientFigures lettings = FiguresService.recipients(day).get(4);
        assertThat(lettings.acknowledgedWithinMinutes()).as("fewer than three acknowledged").isNull();
    }

    @Test
    void percentilesOfMergedDaysAreThoseOfAllTheMinutesTogether() {
        Random random = new Random(20261207);
        for (int round = 0; round < 200; round++) {
            List<Long> all = new ArrayList<>();
            List<Tally> days = new ArrayList<>();
            for (int d = 0, n = 1 + random.nextInt(5); d < n; d++) {
                Tally day = new Tally();
                for (int a = 0, alerts = random.nextInt(40); a < alerts; a++) {
                    long minutes = random.nextInt(random.nextBoolean() ? 30 : 5000);
                    all.add(minutes);
                    day.add("POLICE/minutesToAcknowledge", Long.toString(minutes));
                }
                days.add(day);
            }
            Map<String, Long> merged = Tally.merged(days).dimension("POLICE/minutesToAcknowledge");
            List<Long> sorted = all.stream().sorted().toList();
            AlertFigures.Minutes minutes = FiguresService.minutes(merged);
            if (sorted.size() < 3) {
                assertThat(minutes).isNull();
            } else {
                assertThat(minutes).isEqualTo(new AlertFigures.Minutes(nearestRank(sorted, 50),
                        nearestRank(sorted, 90)));
            }
        }
    }

    @Test
    void theNearestRankPercentile() {
        TreeMap<Long, Long> histogram = new TreeMap<>(Map.of(5L, 1L, 10L, 1L, 20L, 1L));
        assertThat(FiguresService.percentile(histogram, 3, 50)).isEqualTo(10);
        assertThat(FiguresService.percentile(histogram, 3, 90)).isEqualTo(20);
        assertThat(FiguresService.percentile(new TreeMap<>(Map.of(7L, 10L)), 10, 90)).isEqualTo(7);
        Map<String, Long> tens = new HashMap<>();
        for (long minute = 1; minute <= 10; minute++) {
            tens.put(Long.toString(minute), 1L);
        }
        assertThat(FiguresService.minutes(tens)).isEqualTo(new AlertFigures.Minutes(5, 9));
    }

    private static long nearestRank(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
