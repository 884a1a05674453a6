package se.goteborg.vaksam.premises.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;

class NoticeChangesTest {

    private static final NoticePremises SALON = new NoticePremises("Inom Vallgraven 12:4", "Kungsgatan 12", "411 19",
            "Göteborg", "Higab AB", "Body care and massage", "96.040", true);
    private static final Instant FIRST_ASSESSED = Instant.parse("2026-11-20T09:00:02Z");

    @Test
    void theFirstTipDatesTheNoticeAndLaterTipsNeverMoveIt() {
        Notice opened = NoticeChanges.first(tip("hotel", "HOTEL", "2026-11-20T09:00:00Z", FIRST_ASSESSED,
                MatchLevel.EXACT, 1, RiskLevel.ELEVATED));
        assertThat(opened.knownSince()).isEqualTo(FIRST_ASSESSED);
        assertThat(opened.status()).isEqualTo(NoticeStatus.AWAITING_ACTION);
        assertThat(opened.tipCount()).isEqualTo(1);

        Notice second = NoticeChanges.withTip(opened, tip("taxi", "TAXI", "2026-11-25T22:40:00Z",
                Instant.parse("2026-11-25T22:40:01Z"), MatchLevel.PROBABLE, 2, RiskLevel.ELEVATED)).orElseThrow();

        assertThat(second.knownSince()).isEqualTo(FIRST_ASSESSED);
        assertThat(second.tipCount()).isEqualTo(2);
        assertThat(second.tips()).extracting(NoticeTip::tipId).containsExactly("taxi", "hotel");
        assertThat(second.lastTipAt()).isEqualTo(Instant.parse("2026-11-25T22:40:00Z"));
        assertThat(second.tipsLast30Days()).isEqualTo(2);
        assertThat(second.match()).as("the surest match of any tip").isEqualTo("EXACT");
        assertThat(NoticeChanges.withTip(second, tip("taxi", "TAXI", "2026-11-25T22:40:00Z",
                Instant.parse("2026-11-26T08:00:00Z"), MatchLevel.PROBABLE, 2, RiskLevel.ELEVATED)))
                .as("the same tip again changes nothing").isEmpty();
    }

    @Test
    void aTipObservedEarlierThanTheNewestKeepsTheNewestFigures() {
        Notice opened = NoticeChanges.first(tip("late", "TAXI", "2026-11-25T22:40:00Z", FIRST_ASSESSED,
                MatchLevel.PROBABLE, 3, RiskLevel.HIGH));

        Notice withOlder = NoticeChanges.withTip(opened, tip("older", "HOTEL", "2026-11-01T10:00:00Z",
                Instant.parse("2026-11-26T08:00:00Z"), MatchLevel.EXACT, 1, RiskLevel.ELEVATED)).orElseThrow();

        assertThat(withOlder.tipsLast30Days()).isEqualTo(3);
        assertThat(withOlder.riskLevel()).isEqualTo("HIGH");
        assertThat(withOlder.lastTipAt()).isEqualTo(Instant.parse("2026-11-25T22:40:00Z"));
        assertThat(withOlder.match()).isEqualTo("EXACT");
        assertThat(withOlder.knownSince()).isEqualTo(FIRST_ASSESSED);
        assertThat(withOlder.tips()).extracting(NoticeTip::tipId).containsExactly("late", "older");
    }

    @Test
    void theNewestActionTakenIsTheLastAction() {
        Notice opened = NoticeChanges.first(tip("hotel", "HOTEL", "2026-11-20T09:00:00Z", FIRST_ASSESSED,
                MatchLevel.EXACT, 1, RiskLevel.ELEVATED));
        NoticeAction police = new NoticeAction("a2", LandlordAction.POLICE_INFORMED, LocalDate.parse("2026-11-24"),
                Instant.parse("2026-11-24T10:00:00Z"), "officer", null);
        NoticeAction contactedEarlier = new NoticeAction("a1", LandlordAction.TENANT_CONTACTED,
                LocalDate.parse("2026-11-21"), Instant.parse("2026-11-25T10:00:00Z"), "officer", "FK 1");

        Notice acted = NoticeChanges.withAction(NoticeChanges.withAction(opened, police), contactedEarlier);

        assertThat(acted.status()).isEqualTo(NoticeStatus.ACTION_RECORDED);
        assertThat(acted.actions()).extracting(NoticeAction::actionId).containsExactly("a2", "a1");
        assertThat(acted.lastAction()).isEqualTo(police);
        assertThat(acted.knownSince()).isEqualTo(FIRST_ASSESSED);
    }

    private static AssessedTip tip(String tipId, String channel, String observedAt, Instant assessedAt,
                                   MatchLevel match, int tips30, RiskLevel level) {
        return new AssessedTip("GBG-L-0001", SALON, tipId, channel, Instant.parse(observedAt), assessedAt, match,
                match == MatchLevel.EXACT ? 1 : 0.85, tips30, tips30, level, List.of("CITY_LET", "RISK_INDUSTRY"));
    }
}
