package se.goteborg.vaksam.routing.deadline;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * When an alert must be acknowledged, from its priority and when it was routed, and who is told when it was not.
 * Routing puts the deadline on every alert, so the recipient sees it and the escalation keeps to it.
 */
@Component
public class AcknowledgementDeadlines {

    private final Map<Priority, AcknowledgementPeriod> periods = new EnumMap<>(Priority.class);
    private final EscalationProperties properties;

    AcknowledgementDeadlines(EscalationProperties properties) {
        this.properties = properties;
        properties.acknowledgeWithin().forEach((priority, period) ->
                periods.put(priority, AcknowledgementPeriod.parse(period)));
    }

    public Instant acknowledgeBy(Priority priority, Instant routedAt) {
        return periods.get(priority).dueAfter(routedAt, properties.zone());
    }

    String dutyContact(Recipient recipient) {
        return properties.dutyContacts().get(recipient);
    }
}
