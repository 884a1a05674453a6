package se.goteborg.vaksam.inbox.alert;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

/** Puts every routed alert into its recipient's inbox. */
@Component
class AlertRoutedListener {

    static final String CONSUMER = "alert-inbox-alerts";

    private final AlertRepository alerts;
    private final ProcessedEvents processedEvents;

    AlertRoutedListener(AlertRepository alerts, ProcessedEvents processedEvents) {
        this.alerts = alerts;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.alert.routed.v1")
    void on(AlertRouted event) {
        Listeners.handle(processedEvents.once(CONSUMER, event.getEventId(), () -> alerts.upsert(event)));
    }
}
