package se.goteborg.vaksam.network.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * How the alerts routed in a period fared, per recipient: how many, at which priority, how many were acknowledged
 * and how fast, escalated, given another priority by the recipient, and closed with which outcome; for the whole
 * period and for each week or month of it. Counts only, small ones suppressed; times to acknowledge only where at
 * least {@value Count#SMALLEST_SHOWN} alerts were acknowledged.
 */
record AlertFigures(LocalDate from, LocalDate to, String by, List<RecipientFigures> recipients,
                    List<PeriodAlerts> periods) {

    /**
     * @param acknowledgedWithinMinutes the median and 90th percentile of the minutes from routing to the first
     *                                  acknowledgement; null when fewer than three alerts were acknowledged
     */
    record RecipientFigures(Recipient recipient, Count alerts, Map<Priority, Count> byPriority, Count acknowledged,
                            Count notAcknowledged, Count escalated, Count priorityChangedByRecipient,
                            Map<String, Count> outcomes, Minutes acknowledgedWithinMinutes) {
    }

    record Minutes(long median, long p90) {
    }

    /** One week or month of the period ({@link FigurePeriod.Bucket}). */
    record PeriodAlerts(String period, LocalDate from, LocalDate to, boolean partial,
                        List<RecipientFigures> recipients) {
    }

    long total() {
        return recipients.stream().mapToLong(r -> r.alerts().value()).sum();
    }
}
