package se.goteborg.vaksam.routing.tips;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

@Component
class PremisesAssessedListener {

    /** Also the consumer group. */
    static final String CONSUMER = "alert-routing-assessments";

    private final ProcessedEvents processedEvents;
    private final RoutingService routing;

    PremisesAssessedListener(ProcessedEvents processedEvents, RoutingService routing) {
        this.processedEvents = processedEvents;
        this.routing = routing;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.premises.assessed.v1")
    void on(PremisesAssessed assessment) {
        Listeners.handle(processedEvents.once(CONSUMER, assessment.getEventId(), () -> routing.onAssessment(assessment)));
    }
}
