package se.goteborg.vaksam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.Indicator;

class FiguresHistoryTest {

    private static final Instant END = Instant.parse("2026-12-07T12:00:00Z");
    private static final List<FiguresHistory.Member> MEMBERS = List.of(new FiguresHistory.Member("hotel-1", false),
            new FiguresHistory.Member("taxi-1", true), new FiguresHistory.Member("hotel-2", false),
            new FiguresHistory.Member("never-reports", false));

    @Test
    void everyTipHasItsAlertsAndEveryChangeFollowsItsAlert() {
        List<SpecificRecord> events = new ArrayList<>();
        new FiguresHistory(7, MEMBERS).generate(2_000, 365, END, events::add);

        List<TipSubmitted> tips = events.stream().filter(TipSubmitted.class::isInstance)
                .map(TipSubmitted.class::cast).toList();
        assertThat(tips).hasSize(2_000);
        Set<String> tipIds = new HashSet<>();
        Set<String> policeTips = new HashSet<>();
        Set<String> alertIds = new HashSet<>();
        Instant previous = Instant.MIN;
        for (SpecificRecord event : events) {
            if (event instanceof TipSubmitted tip) {
                assertThat(tip.getSubmittedAt()).as("oldest first").isAfterOrEqualTo(previous);
                previous = tip.getSubmittedAt();
                tipIds.add(tip.getTipId());
                assertThat(tip.getSubmittedAt()).isBetween(END.minus(Duration.ofDays(365)), END);
                assertThat(tip.getIndicators()).isNotEmpty().allSatisfy(code -> assertThat(
                        Indicator.byCode(code).orElseThrow().channel()).isEqualTo(tip.getChannel()));
                assertThat(tip.getChannel() == Channel.TAXI).isEqualTo(tip.getMemberId().startsWith("taxi"));
                assertThat(tip.getSealedDetails()).isNull();
                assertThat(tip.getMemberId()).isNotEqualTo("never-reports");
            } else if (event instanceof AlertRouted alert) {
                assertThat(tipIds).as("the tip comes before its alerts").contains(alert.getTipId());
                alertIds.add(alert.getAlertId());
                if (alert.getRecipient() == Recipient.POLICE) {
                    policeTips.add(alert.getTipId());
                }
            } else {
                AlertStatusChanged change = (AlertStatusChanged) event;
                assertThat(alertIds).as("the alert comes before its changes").contains(change.getAlertId());
            }
        }
        assertThat(policeTips).as("the police get every tip").isEqualTo(tipIds);
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        new FiguresHistory(7, MEMBERS).generate(50, 30, END, event -> first.add(shape(event)));
        new FiguresHistory(7, MEMBERS).generate(50, 30, END, event -> second.add(shape(event)));
        assertThat(first).isEqualTo(second);
    }

    /** An event without its random ids. */
    private static String shape(SpecificRecord event) {
        if (event instanceof TipSubmitted tip) {
            return tip.getMemberId() + tip.getSubmittedAt() + tip.getIndicators() + tip.getExploitationType();
        }
        if (event instanceof AlertRouted alert) {
            return alert.getRecipient() + "" + alert.getPriority() + alert.getRoutedAt();
        }
        AlertStatusChanged change = (AlertStatusChanged) event;
        return change.getStatus() + "" + change.getChangedAt() + change.getOutcome();
    }
}
