package se.goteborg.vaksam.routing.deadline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.routing.deadline.DeadlineRepository.Deadline;

/**
 * Follows every routed alert until its recipient acknowledges or closes it, and escalates it to the recipient's duty
 * contact when that has not happened by the deadline routing gave it. The timers are documents, so a restart loses
 * none: the first sweep after it escalates whatever fell due meanwhile.
 */
@Service
class EscalationService {

    static final String ACTOR = "alert-routing";
    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

    private final DeadlineRepository deadlines;
    private final AcknowledgementDeadlines policy;
    private final OutboxRelay relay;
    private final Clock clock;

    EscalationService(DeadlineRepository deadlines, AcknowledgementDeadlines policy,
                      @Qualifier(EscalationConfig.RELAY) OutboxRelay relay, Clock clock) {
        this.deadlines = deadlines;
        this.policy = policy;
        this.relay = relay;
        this.clock = clock;
    }

    /** Starts the alert's timer, unless its recipient has acknowledged or closed it already. */
    Mono<Void> onRouted(AlertRouted alert) {
        // Alerts routed before deadlines travelled on the event get theirs from the same policy.
        Instant dueAt = alert.getAcknowledgeBy() != null ? alert.getAcknowledgeBy()
                : policy.acknowledgeBy(alert.getPriority(), alert.getRoutedAt());
        return deadlines.isStopped(alert.getAlertId())
                .flatMap(stopped -> stopped ? Mono.empty() : deadlines.open(alert, dueAt));
    }

    /** Acknowledged or closed: the alert's timer stops for good. */
    Mono<Void> onStatus(AlertStatusChanged change) {
        if (change.getStatus() != AlertStatus.ACKNOWLEDGED && change.getStatus() != AlertStatus.OUTCOME_RECORDED) {
            return Mono.empty();
        }
        return deadlines.stop(change.getAlertId(), change.getStatus().name(), change.getChangedAt());
    }

    /** Escalates the alerts whose deadline has passed; emits how many were escalated. */
    Mono<Long> escalateOverdue(int limit) {
        return Flux.defer(() -> deadlines.due(clock.instant(), limit))
                .concatMap(deadline -> deadlines.isStopped(deadline.alertId())
                        .flatMap(stopped -> stopped ? Mono.just(false) : escalate(deadline))
                        .flatMap(escalated -> deadlines.close(deadline.alertId()).thenReturn(escalated)))
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> escalate(Deadline deadline) {
        Instant now = clock.instant();
        String dutyContact = policy.dutyContact(deadline.recipient());
        AlertStatusChanged event = AlertStatusChanged.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("alert-escalated:" + deadline.alertId())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setAlertId(deadline.alertId())
                .setTipId(deadline.tipId())
                .setRecipient(deadline.recipient())
                .setStatus(AlertStatus.ESCALATED)
                .setChangedAt(now)
                .setActor(ACTOR)
                .setPriority(deadline.priority())
                .setAcknowledgeBy(deadline.dueAt())
                .setEscalatedTo(dutyContact)
                .build();
        return deadlines.escalate(deadline, dutyContact, now, event).doOnNext(escalated -> {
            if (escalated) {
                log.info("Alert {} for {} ({}) not acknowledged by {}: escalated to its duty contact",
                        deadline.alertId(), deadline.recipient(), deadline.priority(), deadline.dueAt());
                relay.nudge(deadline.alertId());
            }
        });
    }
}
