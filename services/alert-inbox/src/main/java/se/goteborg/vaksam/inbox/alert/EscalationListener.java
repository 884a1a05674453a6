package se.goteborg.vaksam.inbox.alert;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

/**
 * Marks the alerts routing escalated, so the inbox shows who was told and when. The other status changes on the
 * topic are the inbox's own, stored already.
 */
@Component
class EscalationListener {

    static final String CONSUMER = "alert-inbox-escalations";

    private final AlertRepository alerts;
    private final ProcessedEvents processedEvents;

    EscalationListener(AlertRepository alerts, ProcessedEvents processedEvents) {
        this.alerts = alerts;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.alert.status-changed.v1")
    void on(AlertStatusChanged event) {
        if (event.getStatus() != AlertStatus.ESCALATED) {
            return;
        }
        Listeners.handle(processedEvents.once(CONSUMER, event.getEventId(), () -> alerts.escalated(event)));
    }
}
