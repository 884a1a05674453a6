package se.goteborg.vaksam.network.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.network.figures.AlertFigures.Minutes;
import se.goteborg.vaksam.network.figures.AlertFigures.RecipientFigures;

/** The network's anonymous alert figures, counted from the alert facts of a period. */
@Service
class FiguresService {

    private final AlertFactsRepository facts;

    FiguresService(AlertFactsRepository facts) {
        this.facts = facts;
    }

    Mono<AlertFigures> alerts(Instant from, Instant to) {
        return facts.routedBetween(from, to).collectList().map(alerts -> new AlertFigures(from, to,
                Arrays.stream(Recipient.values()).map(recipient -> figures(recipient, alerts.stream()
                        .filter(a -> recipient.name().equals(a.getString("recipient"))).toList())).toList()));
    }

    private static RecipientFigures figures(Recipient recipient, List<Document> alerts) {
        Map<Priority, Count> byPriority = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            byPriority.put(priority, count(alerts.stream().filter(a -> priority.name().equals(a.getString("priority")))
                    .count()));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        List<Long> minutesToAcknowledge = new ArrayList<>();
        int acknowledged = 0;
        int escalated = 0;
        int changed = 0;
        for (Document alert : alerts) {
            if (alert.getDate("acknowledgedAt") != null) {
                acknowledged++;
                minutesToAcknowledge.add(Duration.between(alert.getDate("routedAt").toInstant(),
                        alert.getDate("acknowledgedAt").toInstant()).toMinutes());
            }
            if (alert.getDate("escalatedAt") != null) {
                escalated++;
            }
            if (!alert.getList("priorityChanges", String.class, List.of()).isEmpty()) {
                changed++;
            }
            if (alert.getString("outcome") != null) {
                outcomes.merge(alert.getString("outcome"), 1, Integer::sum);
            }
        }
        Map<String, Count> shownOutcomes = new TreeMap<>();
        outcomes.forEach((outcome, n) -> shownOutcomes.put(outcome, new Count(n)));
        return new RecipientFigures(recipient, count(alerts.size()), byPriority, new Count(acknowledged),
                new Count(alerts.size() - acknowledged), new Count(escalated), new Count(changed), shownOutcomes,
                minutes(minutesToAcknowledge));
    }

    private static Minutes minutes(List<Long> values) {
        if (values.size() < Count.SMALLEST_SHOWN) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return new Minutes(percentile(sorted, 50), percentile(sorted, 90));
    }

    /** The nearest-rank percentile. */
    static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Count count(long n) {
        return new Count((int) n);
    }
}
