package se.goteborg.vaksam.intake.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.intake.intake.TipStatus;

class TipProgressTest {

    /** A fact about one alert, as {@link AlertProgressListener} records it. */
    record Fact(String alertId, String field, Object value) {
    }

    private static final Fact ROUTED_A = new Fact("a", TipProgress.ROUTED, true);
    private static final Fact ROUTED_B = new Fact("b", TipProgress.ROUTED, true);
    private static final Fact ACK_A = new Fact("a", TipProgress.ACKNOWLEDGED, true);
    private static final Fact OUTCOME_A = new Fact("a", TipProgress.OUTCOME, "ACTED");
    private static final Fact OUTCOME_B = new Fact("b", TipProgress.OUTCOME, "PASSED_ON");

    @Test
    void nothingKnownIsReceived() {
        assertThat(TipProgress.of(null)).isEqualTo(new TipProgress(TipStatus.RECEIVED, List.of()));
        assertThat(TipProgress.of(new Document())).isEqualTo(new TipProgress(TipStatus.RECEIVED, List.of()));
    }

    @Test
    void theStatusFollowsTheAlertsOneStepAtATime() {
        assertThat(progress(ROUTED_A)).isEqualTo(new TipProgress(TipStatus.FORWARDED, List.of()));
        assertThat(progress(ROUTED_A, ROUTED_B, ACK_A)).isEqualTo(new TipProgress(TipStatus.ACKNOWLEDGED, List.of()));
        assertThat(progress(ROUTED_A, ROUTED_B, OUTCOME_B))
                .as("one alert closed without acknowledgement counts as handled")
                .isEqualTo(new TipProgress(TipStatus.ACKNOWLEDGED, List.of()));
        assertThat(progress(ROUTED_A, ROUTED_B, ACK_A, OUTCOME_A))
                .as("closed only when every known alert has an outcome")
                .isEqualTo(new TipProgress(TipStatus.ACKNOWLEDGED, List.of()));
        assertThat(progress(ROUTED_A, ROUTED_B, ACK_A, OUTCOME_A, OUTCOME_B))
                .isEqualTo(new TipProgress(TipStatus.CLOSED, List.of("ACTED", "PASSED_ON")));
    }

    @Test
    void aStatusChangeBeforeItsRoutingStillCounts() {
        assertThat(progress(ACK_A)).isEqualTo(new TipProgress(TipStatus.ACKNOWLEDGED, List.of()));
        assertThat(progress(OUTCOME_A)).isEqualTo(new TipProgress(TipStatus.CLOSED, List.of("ACTED")));
        assertThat(progress(OUTCOME_A, ROUTED_B)).as("an alert that turns up later reopens the tip")
                .isEqualTo(new TipProgress(TipStatus.ACKNOWLEDGED, List.of()));
    }

    @Test
    void everyOrderAndEveryRepetitionEndsTheSame() {
        List<Fact> facts = List.of(ROUTED_A, ROUTED_B, ACK_A, OUTCOME_A, OUTCOME_B);
        TipProgress expected = new TipProgress(TipStatus.CLOSED, List.of("ACTED", "PASSED_ON"));
        List<List<Fact>> orders = permutations(facts);
        assertThat(orders).hasSize(120);
        for (List<Fact> order : orders) {
            assertThat(progress(order.toArray(Fact[]::new))).as("order %s", order).isEqualTo(expected);
            List<Fact> again = new ArrayList<>(order);
            Collections.reverse(again);
            List<Fact> twice = new ArrayList<>(order);
            twice.addAll(again);
            assertThat(progress(twice.toArray(Fact[]::new))).as("order %s delivered again", order).isEqualTo(expected);
        }
    }

    @Test
    void theSameOutcomeOnTwoAlertsIsListedOnce() {
        assertThat(progress(new Fact("a", TipProgress.OUTCOME, "NO_ACTION"), new Fact("b", TipProgress.OUTCOME, "NO_ACTION")))
                .isEqualTo(new TipProgress(TipStatus.CLOSED, List.of("NO_ACTION")));
    }

    /** Applies facts the way {@link ReceiptRepository#recordAlert} does: {@code $set alerts.<alertId>.<field>}. */
    private static TipProgress progress(Fact... facts) {
        Document alerts = new Document();
        for (Fact fact : facts) {
            Document alert = alerts.get(fact.alertId(), Document.class);
            if (alert == null) {
                alert = new Document();
                alerts.put(fact.alertId(), alert);
            }
            alert.put(fact.field(), fact.value());
        }
        return TipProgress.of(alerts);
    }

    private static List<List<Fact>> permutations(List<Fact> facts) {
        if (facts.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Fact>> all = new ArrayList<>();
        for (Fact first : facts) {
            List<Fact> rest = new ArrayList<>(facts);
            rest.remove(first);
            for (List<Fact> tail : permutations(rest)) {
                List<Fact> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
