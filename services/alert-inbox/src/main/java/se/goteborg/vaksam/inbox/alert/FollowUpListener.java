package se.goteborg.vaksam.inbox.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.events.followup.FollowUpMessage;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

/**
 * Puts tipsters' answers on the alerts whose questions they answer, still sealed. Questions on the same topic are the
 * inbox's own, already stored. Stored by message id, so a redelivered answer is stored once.
 */
@Component
class FollowUpListener {

    static final String CONSUMER = "alert-inbox-answers";

    private static final Logger log = LoggerFactory.getLogger(FollowUpListener.class);

    private final AlertRepository alerts;
    private final ProcessedEvents processedEvents;

    FollowUpListener(AlertRepository alerts, ProcessedEvents processedEvents) {
        this.alerts = alerts;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.followup.message.v1")
    void on(FollowUpMessage event) {
        if (event.getDirection() != Direction.ANSWER) {
            return;
        }
        Listeners.handle(processedEvents.once(CONSUMER, event.getEventId(), () -> store(event)));
    }

    private Mono<Void> store(FollowUpMessage event) {
        if (event.getAlertId() == null || !FollowUps.isStorableId(event.getMessageId())) {
            log.warn("Answer on tip {} ignored: it names no alert or its message id cannot be stored", event.getTipId());
            return Mono.empty();
        }
        return alerts.recordAnswer(event)
                .doOnNext(stored -> {
                    if (!stored) {
                        log.warn("Answer {} names alert {}, which this inbox does not hold for that tip",
                                event.getMessageId(), event.getAlertId());
                    }
                })
                .then();
    }
}
