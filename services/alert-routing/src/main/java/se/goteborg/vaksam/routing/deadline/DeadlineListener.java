package se.goteborg.vaksam.routing.deadline;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

/**
 * Starts a timer for every alert as published, read back from the alert topic rather than from routing's own
 * writes, so every alert a recipient can get has one; stops it when the recipient acknowledges or closes the alert.
 */
@Component
class DeadlineListener {

    /** Also the consumer groups. */
    static final String ROUTED_CONSUMER = "alert-routing-deadlines";
    static final String STATUS_CONSUMER = "alert-routing-status";

    private final ProcessedEvents processedEvents;
    private final EscalationService escalations;

    DeadlineListener(ProcessedEvents processedEvents, EscalationService escalations) {
        this.processedEvents = processedEvents;
        this.escalations = escalations;
    }

    @KafkaListener(id = ROUTED_CONSUMER, topics = "vaksam.alert.routed.v1")
    void on(AlertRouted alert) {
        Listeners.handle(processedEvents.once(ROUTED_CONSUMER, alert.getEventId(), () -> escalations.onRouted(alert)));
    }

    @KafkaListener(id = STATUS_CONSUMER, topics = "vaksam.alert.status-changed.v1")
    void on(AlertStatusChanged change) {
        Listeners.handle(processedEvents.once(STATUS_CONSUMER, change.getEventId(), () -> escalations.onStatus(change)));
    }
}
