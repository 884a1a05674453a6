package se.goteborg.vaksam.network.figures;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.platform.events.Listeners;

/**
 * Takes from the alert topics only codes and times for the figures; the premises, the trip and the sealed details
 * on the same events are never kept. No processed-events record is needed: every write is an idempotent upsert.
 * The consumer groups are named after {@code vaksam.network.figures.consumer}, so that new groups can read the
 * topics from their beginning to rebuild the figures.
 */
@Component
class AlertFactsListener {

    static final String ROUTED_CONSUMER = "${vaksam.network.figures.consumer:network-coordination}-alerts";
    static final String STATUS_CONSUMER = "${vaksam.network.figures.consumer:network-coordination}-alert-status";

    private final AlertFactsRepository facts;

    AlertFactsListener(AlertFactsRepository facts) {
        this.facts = facts;
    }

    @KafkaListener(id = ROUTED_CONSUMER, topics = "vaksam.alert.routed.v1")
    void on(AlertRouted alert) {
        Listeners.handle(facts.routed(alert));
    }

    @KafkaListener(id = STATUS_CONSUMER, topics = "vaksam.alert.status-changed.v1")
    void on(AlertStatusChanged change) {
        Listeners.handle(facts.statusChanged(change));
    }
}
