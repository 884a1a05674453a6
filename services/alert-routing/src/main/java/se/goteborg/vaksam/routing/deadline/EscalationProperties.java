package se.goteborg.vaksam.routing.deadline;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * {@code vaksam.routing.escalation.*}: how long each priority may wait for an acknowledgement, and whom an
 * unacknowledged alert is escalated to. Checked whole at start-up: a recipient without a duty contact, or a
 * priority without a period, would let an alert sit unread with nobody told.
 *
 * @param acknowledgeWithin per priority, a duration ({@code 15m}) or {@code <n> working days}
 * @param dutyContacts      per recipient, the desk that is told when an alert was not acknowledged in time (a
 *                          function and how to reach it, never a person's name)
 * @param zone              where working days and times of day are counted
 * @param sweepInterval     how often overdue alerts are looked for
 */
@ConfigurationProperties("vaksam.routing.escalation")
public record EscalationProperties(Map<Priority, String> acknowledgeWithin, Map<Recipient, String> dutyContacts,
                                   @DefaultValue("Europe/Stockholm") ZoneId zone,
                                   @DefaultValue("10s") Duration sweepInterval) {

    public EscalationProperties {
        List<String> problems = new ArrayList<>();
        Map<Priority, String> periods = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            String period = acknowledgeWithin == null ? null : acknowledgeWithin.get(priority);
            if (period == null || period.isBlank()) {
                problems.add("acknowledge-within." + priority + " is required");
                continue;
            }
            try {
                AcknowledgementPeriod.parse(period);
                periods.put(priority, period);
            } catch (IllegalArgumentException e) {
                problems.add("acknowledge-within." + priority + ": " + e.getMessage());
            }
        }
        Map<Recipient, String> contacts = new EnumMap<>(Recipient.class);
        for (Recipient recipient : Recipient.values()) {
            String contact = dutyContacts == null ? null : dutyContacts.get(recipient);
            if (contact == null || contact.isBlank()) {
                problems.add("duty-contacts." + recipient + " is required");
            } else {
                contacts.put(recipient, contact.strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("vaksam.routing.escalation is incomplete: " + String.join("; ", problems));
        }
        acknowledgeWithin = Map.copyOf(periods);
        dutyContacts = Map.copyOf(contacts);
    }
}
