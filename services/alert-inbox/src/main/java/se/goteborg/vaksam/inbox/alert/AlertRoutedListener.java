package se.goteborg.vaksam.inbox.alert;

import java.time.Clock;

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
    private final Clock clock;

    AlertRoutedListener(AlertRepository alerts, ProcessedEvents processedEvents, Clock clock) {
        this.alerts = alerts;
        this.processedEvents = processedEvents;
        this.clock = clock;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.alert.routed.v1")
    void on(AlertRouted event) {
        Listeners.handle(processedEvents.once(CONSUMER, event.getEventId(),
                () -> alerts.upsert(event, clock.instant())));
    }
}
