package se.goteborg.vaksam.inbox.webhook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

/**
 * Turns every routed alert and every status change into deliveries for the recipient's webhooks. Its own consumer
 * groups read the topics, apart from the inbox's alerts, so a receiver's trouble never holds up the inbox and the
 * inbox's never holds up the receivers.
 */
@Component
class WebhookListener {

    /** The consumer groups' prefix, also the name under which handled events are remembered. */
    static final String CONSUMER = "${vaksam.inbox.webhooks.consumer:alert-inbox-webhooks}";

    private final WebhookService service;
    private final ProcessedEvents processedEvents;
    private final String routedConsumer;
    private final String statusConsumer;

    WebhookListener(WebhookService service, ProcessedEvents processedEvents, @Value(CONSUMER) String consumer) {
        this.service = service;
        this.processedEvents = processedEvents;
        this.routedConsumer = consumer + "-routed";
        this.statusConsumer = consumer + "-status";
    }

    @KafkaListener(id = CONSUMER + "-routed", topics = "vaksam.alert.routed.v1")
    void onRouted(AlertRouted event) {
        Listeners.handle(processedEvents.once(routedConsumer, event.getEventId(),
                () -> service.enqueue(event.getRecipient(), WebhookEvent.routed(event))));
    }

    @KafkaListener(id = CONSUMER + "-status", topics = "vaksam.alert.status-changed.v1")
    void onStatusChanged(AlertStatusChanged event) {
        Listeners.handle(processedEvents.once(statusConsumer, event.getEventId(),
                () -> service.enqueue(event.getRecipient(), WebhookEvent.statusChanged(event))));
    }
}
