package se.goteborg.vaksam.routing.tips;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

@Component
class TipSubmittedListener {

    /** Also the consumer group. */
    static final String CONSUMER = "alert-routing-tips";

    private final ProcessedEvents processedEvents;
    private final RoutingService routing;

    TipSubmittedListener(ProcessedEvents processedEvents, RoutingService routing) {
        this.processedEvents = processedEvents;
        this.routing = routing;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.tip.submitted.v1")
    void on(TipSubmitted tip) {
        Listeners.handle(processedEvents.once(CONSUMER, tip.getEventId(), () -> routing.onTip(tip)));
    }
}
