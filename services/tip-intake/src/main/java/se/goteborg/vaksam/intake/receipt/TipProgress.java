package se.goteborg.vaksam.intake.receipt;

import java.util.List;
import java.util.Objects;

import org.bson.Document;

import se.goteborg.vaksam.intake.intake.TipStatus;

/**
 * A tip's status as its receipt shows it, derived from what is known of each of its alerts. Each alert's facts only
 * ever accumulate (routed, acknowledged, outcome), whatever order their events arrive in, so deriving from them gives
 * the same answer for any order, redelivery or replay.
 *
 * @param status   RECEIVED until an alert is known; CLOSED once every known alert has an outcome; ACKNOWLEDGED once
 *                 any is acknowledged or closed; FORWARDED otherwise
 * @param outcomes the alerts' outcome codes, distinct and sorted, once the tip is CLOSED; empty before
 */
record TipProgress(TipStatus status, List<String> outcomes) {

    /** The field of the tip document holding one sub-document per alert id. */
    static final String ALERTS = "alerts";
    static final String ROUTED = "routed";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String OUTCOME = "outcome";

    static TipProgress of(Document alerts) {
        List<Document> known = alerts == null ? List.of()
                : alerts.values().stream().filter(Document.class::isInstance).map(Document.class::cast).toList();
        if (known.isEmpty()) {
            return new TipProgress(TipStatus.RECEIVED, List.of());
        }
        List<String> outcomes = known.stream().map(alert -> alert.getString(OUTCOME)).toList();
        if (outcomes.stream().allMatch(Objects::nonNull)) {
            return new TipProgress(TipStatus.CLOSED, outcomes.stream().distinct().sorted().toList());
        }
        boolean handled = known.stream()
                .anyMatch(alert -> alert.getBoolean(ACKNOWLEDGED, false) || alert.getString(OUTCOME) != null);
        return new TipProgress(handled ? TipStatus.ACKNOWLEDGED : TipStatus.FORWARDED, List.of());
    }
}
