package se.goteborg.vaksam.premises.assessment;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

@Component
class TipSubmittedListener {

    static final String CONSUMER = "premises-risk-tips";

    private final ProcessedEvents processedEvents;
    private final AssessmentService assessments;

    TipSubmittedListener(ProcessedEvents processedEvents, AssessmentService assessments) {
        this.processedEvents = processedEvents;
        this.assessments = assessments;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.tip.submitted.v1")
    void on(TipSubmitted tip) {
        Listeners.handle(processedEvents.once(CONSUMER, tip.getEventId(), () -> assessments.assess(tip)));
    }
}
