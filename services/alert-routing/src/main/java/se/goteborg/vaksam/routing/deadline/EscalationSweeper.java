package se.goteborg.vaksam.routing.deadline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Looks for alerts past their acknowledgement deadline. */
@Component
class EscalationSweeper {

    static final int ALERTS_PER_SWEEP = 500;
    private static final Logger log = LoggerFactory.getLogger(EscalationSweeper.class);

    private final EscalationService escalations;

    EscalationSweeper(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Scheduled(fixedDelayString = "${vaksam.routing.escalation.sweep-interval:10s}")
    Mono<Void> sweep() {
        return Mono.defer(() -> escalations.escalateOverdue(ALERTS_PER_SWEEP))
                .onErrorResume(e -> {
                    // The deadlines stay open; the next sweep tries again.
                    log.warn("Sweep for overdue alerts failed: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }
}
