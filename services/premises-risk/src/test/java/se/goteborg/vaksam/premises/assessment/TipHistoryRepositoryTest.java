package se.goteborg.vaksam.premises.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Flux;
import se.goteborg.vaksam.premises.assessment.TipHistoryRepository.RecentTips;
import se.goteborg.vaksam.premises.assessment.TipHistoryRepository.TipAt;
import se.goteborg.vaksam.testsupport.MongoStore;

/** The premises history: the 30- and 90-day windows, replays, and one history for every channel. */
class TipHistoryRepositoryTest {

    private static final Duration DAYS_30 = Duration.ofDays(30);
    private static final Duration DAYS_90 = Duration.ofDays(90);
    private static final Instant AT = Instant.parse("2026-11-27T20:00:00Z");

    private static MongoClient client;
    private static TipHistoryRepository history;

    @BeforeAll
    static void store() {
        client = MongoClients.create(MongoStore.uri());
        history = new TipHistoryRepository(client.getDatabase("tip-history-test-" + UUID.randomUUID()));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @ParameterizedTest(name = "a tip observed {0} before counts in 30 days: {1}, in 90 days: {2}")
    @CsvSource({
            "PT0S,           true,  true",
            "PT1H,           true,  true",
            "P29DT23H59M59S, true,  true",
            // The window is (at - 30 days, at]: a tip exactly 30 days earlier is outside it.
            "P30D,           false, true",
            "P30DT1S,        false, true",
            "P89DT23H59M59S, false, true",
            "P90D,           false, false",
            "P120D,          false, false",
            // Observed after this tip: not "before it", so not counted, however it arrived.
            "-PT1S,          false, false",
    })
    void theWindowsEndAtTheTipsObservation(Duration before, boolean in30, boolean in90) {
        List<TipAt> tips = List.of(new TipAt("this", AT), new TipAt("other", AT.minus(before)));

        RecentTips recent = TipHistoryRepository.recent(tips, "this", AT, DAYS_30, DAYS_90);

        assertThat(recent.shortWindow()).isEqualTo(in30 ? 2 : 1);
        assertThat(recent.longWindow()).isEqualTo(in90 ? 2 : 1);
        assertThat(recent.otherTipIds()).isEqualTo(in90 ? List.of("other") : List.of());
    }

    @Test
    void linkedTipsAreTheOthersOfNinetyDaysNewestFirstAndCapped() {
        List<TipAt> tips = new ArrayList<>();
        tips.add(new TipAt("this", AT));
        for (int day = 1; day <= 120; day++) {
            tips.add(new TipAt("day-" + day, AT.minus(Duration.ofDays(day))));
        }

        RecentTips recent = TipHistoryRepository.recent(tips, "this", AT, DAYS_30, DAYS_90);

        assertThat(recent.shortWindow()).isEqualTo(30);
        assertThat(recent.longWindow()).isEqualTo(90);
        assertThat(recent.otherTipIds()).hasSize(89).startsWith("day-1", "day-2").endsWith("day-89");
        assertThat(TipHistoryRepository.MAX_LINKED).isLessThan(TipHistoryRepository.MAX_KEPT);
    }

    @Test
    void aHotelTipAndATaxiDropOffAtTheSamePremisesShareOneHistory() {
        PremisesKey salon = new PremisesKey("GBG-L-0001", true);

        RecentTips hotel = record("hotel-tip", salon, AT.minus(Duration.ofDays(2)));
        RecentTips taxi = record("taxi-tip", salon, AT);

        assertThat(hotel).isEqualTo(new RecentTips(1, 1, List.of()));
        assertThat(taxi).isEqualTo(new RecentTips(2, 2, List.of("hotel-tip")));
    }

    @Test
    void aPremisesIdAndAnAddressKeyAreKeptApartEvenWhenTheyAreSpeltAlike() {
        record("registered", new PremisesKey("same", true), AT);

        RecentTips byAddress = record("by-address", new PremisesKey("same", false), AT);

        assertThat(byAddress.longWindow()).isEqualTo(1);
    }

    @Test
    void aReplayedTipIsCountedOnceAndCountsTheSameAgain() {
        PremisesKey premises = new PremisesKey("replay|41124", false);
        record("first", premises, AT.minus(Duration.ofDays(10)));
        RecentTips second = record("second", premises, AT);

        assertThat(record("second", premises, AT)).as("the same tip again").isEqualTo(second);
        assertThat(record("first", premises, AT.minus(Duration.ofDays(10))))
                .as("an earlier tip replayed after a later one does not count the later one")
                .isEqualTo(new RecentTips(1, 1, List.of()));
        assertThat(record("third", premises, AT.plusSeconds(1))).isEqualTo(new RecentTips(3, 3,
                List.of("second", "first")));
    }

    @Test
    void concurrentTipsAboutOnePremisesAreAllKept() {
        PremisesKey premises = new PremisesKey("GBG-L-CONCURRENT", true);

        Flux.range(0, 20)
                .flatMap(i -> history.record("tip-" + i, premises, AT.minusSeconds(i), DAYS_30, DAYS_90), 20)
                .blockLast(Duration.ofSeconds(30));

        assertThat(record("last", premises, AT.plusSeconds(1)).shortWindow()).isEqualTo(21);
    }

    private static RecentTips record(String tipId, PremisesKey premises, Instant at) {
        return history.record(tipId, premises, at, DAYS_30, DAYS_90).block(Duration.ofSeconds(30));
    }
}
