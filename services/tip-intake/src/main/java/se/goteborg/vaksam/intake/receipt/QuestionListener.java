package se.goteborg.vaksam.intake.receipt;

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
 * Puts recipients' questions on the receipts of their tips, still sealed: they are opened only when the receipt's
 * holder reads them. Answers on the same topic are alert-inbox's to read. Stored by message id, so a redelivered
 * question is stored once.
 */
@Component
class QuestionListener {

    static final String CONSUMER = "tip-intake-questions";

    private static final Logger log = LoggerFactory.getLogger(QuestionListener.class);

    private final ReceiptRepository receipts;
    private final ProcessedEvents processedEvents;

    QuestionListener(ReceiptRepository receipts, ProcessedEvents processedEvents) {
        this.receipts = receipts;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(id = CONSUMER, topics = "vaksam.followup.message.v1")
    void on(FollowUpMessage event) {
        if (event.getDirection() != Direction.QUESTION) {
            return;
        }
        Listeners.handle(processedEvents.once(CONSUMER, event.getEventId(), () -> store(event)));
    }

    private Mono<Void> store(FollowUpMessage event) {
        if (!ReceiptMessages.isStorableId(event.getMessageId())) {
            log.warn("Question on tip {} ignored: its message id cannot be stored", event.getTipId());
            return Mono.empty();
        }
        byte[] sealed = new byte[event.getSealedText().remaining()];
        event.getSealedText().duplicate().get(sealed);
        return receipts.recordMessage(event.getTipId(), event.getMessageId(),
                        ReceiptMessages.question(event.getAlertId(), event.getRecipient().name(), sealed,
                                event.getSentAt()))
                .doOnNext(stored -> {
                    if (!stored) {
                        log.warn("Question {} is about tip {}, which this service does not hold", event.getMessageId(),
                                event.getTipId());
                    }
                })
                .then();
    }
}
