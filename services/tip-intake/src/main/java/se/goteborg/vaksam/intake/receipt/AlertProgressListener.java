package se.goteborg.vaksam.intake.receipt;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.platform.events.Listeners;
import se.goteborg.vaksam.platform.events.ProcessedEvents;

/**
 * Follows the alerts of each tip into its receipt. Only the facts a receipt may show are kept, per alert id: that it
 * was routed, acknowledged, and its outcome code; never who received it. The facts only accumulate, so the events
 * may come in any order or again.
 */
@Component
class AlertProgressListener {

    static final String ROUTED_CONSUMER = "tip-intake-alerts-routed";
    static final String STATUS_CONSUMER = "tip-intake-alerts-status";

    private static final Logger log = LoggerFactory.getLogger(AlertProgressListener.class);

    private final ReceiptRepository receipts;
    private final ProcessedEvents processedEvents;

    AlertProgressListener(ReceiptRepository receipts, ProcessedEvents processedEvents) {
        this.receipts = receipts;
        this.processedEvents = processedEvents;
    }

    @KafkaListener(id = ROUTED_CONSUMER, topics = "vaksam.alert.routed.v1")
    void on(AlertRouted event) {
        Listeners.handle(processedEvents.once(ROUTED_CONSUMER, event.getEventId(),
                () -> record(event.getTipId(), event.getAlertId(), new Document(TipProgress.ROUTED, true))));
    }

    @KafkaListener(id = STATUS_CONSUMER, topics = "vaksam.alert.status-changed.v1")
    void on(AlertStatusChanged event) {
        Document facts = switch (event.getStatus()) {
            case ACKNOWLEDGED -> new Document(TipProgress.ACKNOWLEDGED, true);
            // An outcome without a code still closes the alert; CLOSED is the inbox's code for "no particular one".
            case OUTCOME_RECORDED -> new Document(TipProgress.OUTCOME,
                    event.getOutcome() == null ? "CLOSED" : event.getOutcome());
            // An escalation or a new priority changes nothing the tipster sees, but it makes the alert known if it
            // came first.
            case ESCALATED, PRIORITY_CHANGED -> new Document(TipProgress.ROUTED, true);
        };
        Listeners.handle(processedEvents.once(STATUS_CONSUMER, event.getEventId(),
                () -> record(event.getTipId(), event.getAlertId(), facts)));
    }

    private Mono<Void> record(String tipId, String alertId, Document facts) {
        if (!ReceiptMessages.isStorableId(alertId)) {
            log.warn("Alert event for tip {} ignored: its alert id cannot be stored", tipId);
            return Mono.empty();
        }
        return receipts.recordAlert(tipId, alertId, facts);
    }
}
