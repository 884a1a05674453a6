package se.goteborg.vaksam.routing.tips;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Routes, without their assessment, the tips that waited for it longer than allowed. */
@Component
class OverdueAssessmentSweeper {

    static final int TIPS_PER_SWEEP = 500;
    private static final Logger log = LoggerFactory.getLogger(OverdueAssessmentSweeper.class);

    private final RoutingService routing;

    OverdueAssessmentSweeper(RoutingService routing) {
        this.routing = routing;
    }

    @Scheduled(fixedDelayString = "${vaksam.routing.sweep-interval:1s}")
    Mono<Void> sweep() {
        // Spring subscribes to the returned Mono at every run, so what "now" is must be decided at subscription.
        return Mono.defer(() -> routing.routeOverdue(TIPS_PER_SWEEP))
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Routed {} tips whose premises assessment was overdue", count);
                    }
                })
                .onErrorResume(e -> {
                    // The tips stay waiting; the next sweep tries again.
                    log.warn("Sweep for overdue assessments failed: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }
}
