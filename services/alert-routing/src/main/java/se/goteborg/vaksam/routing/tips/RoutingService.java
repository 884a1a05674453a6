package se.goteborg.vaksam.routing.tips;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.routing.deadline.AcknowledgementDeadlines;
import se.goteborg.vaksam.routing.rules.AlertDecision;
import se.goteborg.vaksam.routing.rules.Router;
import se.goteborg.vaksam.routing.tips.RoutingRepository.Routing;

/**
 * Brings a tip and its premises assessment together and routes the tip once both are there, or once the assessment
 * is overdue, so a slow or missing assessment never holds back an alert. An assessment that arrives after the tip
 * was routed without it adds the recipients it brings (the lettings group), never a recipient routed already.
 */
@Service
class RoutingService {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    private final RoutingRepository routings;
    private final AwaitingAssessmentRepository awaiting;
    private final Router router;
    private final OutboxRelay relay;
    private final AcknowledgementDeadlines deadlines;
    private final RoutingProperties properties;
    private final Clock clock;

    RoutingService(RoutingRepository routings, AwaitingAssessmentRepository awaiting, Router router,
                   @Qualifier(RoutingOutboxConfig.RELAY) OutboxRelay relay, AcknowledgementDeadlines deadlines,
                   RoutingProperties properties, Clock clock) {
        this.routings = routings;
        this.awaiting = awaiting;
        this.router = router;
        this.relay = relay;
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Void> onTip(TipSubmitted tip) {
        Instant now = clock.instant();
        return routings.saveTip(tip, now)
                .flatMap(routing -> routing.isWaiting() && !routing.hasAssessment()
                        ? awaiting.await(tip.getTipId(), now.plus(properties.assessmentWait())).thenReturn(routing)
                        : Mono.just(routing))
                .flatMap(routing -> advance(routing, false));
    }

    Mono<Void> onAssessment(PremisesAssessed assessment) {
        return routings.saveAssessment(assessment).flatMap(routing -> advance(routing, false));
    }

    /** Routes the tips whose assessment is overdue; emits how many were looked at. */
    Mono<Long> routeOverdue(int limit) {
        return Flux.defer(() -> awaiting.due(clock.instant(), limit))
                .concatMap(tipId -> routings.find(tipId)
                        .flatMap(routing -> advance(routing, true))
                        .then(awaiting.done(tipId))
                        .thenReturn(tipId))
                .count();
    }

    private Mono<Void> advance(Routing routing, boolean assessmentOverdue) {
        if (!routing.hasTip()) {
            return Mono.empty();
        }
        if (routing.isWaiting()) {
            return routing.hasAssessment() || assessmentOverdue ? route(routing, assessmentOverdue) : Mono.empty();
        }
        if (routing.hasAssessment() && !routing.assessmentApplied()) {
            return amend(routing);
        }
        return Mono.empty();
    }

    private Mono<Void> route(Routing routing, boolean assessmentOverdue) {
        TipSubmitted tip = routing.tip();
        PremisesAssessed assessment = routing.assessment();
        Instant now = clock.instant();
        List<AlertRouted> alerts = router.route(AlertFactory.facts(tip, assessment)).stream()
                .map(decision -> alert(tip, assessment, decision, now))
                .toList();
        return routings.markRouted(tip.getTipId(), now, router.rulesVersion(), assessment != null, alerts)
                .flatMap(routed -> {
                    if (!routed) {
                        // Someone routed it first, perhaps without the assessment this one has: look again.
                        return routings.find(tip.getTipId()).flatMap(current -> advance(current, assessmentOverdue));
                    }
                    log.debug("Tip {} routed to {} recipients{}", tip.getTipId(), alerts.size(),
                            assessment == null ? " without its assessment" : "");
                    relay.nudge(tip.getTipId());
                    return awaiting.done(tip.getTipId());
                });
    }

    private AlertRouted alert(TipSubmitted tip, PremisesAssessed assessment, AlertDecision decision, Instant now) {
        return AlertFactory.alert(tip, assessment, decision, router.rulesVersion(), now,
                deadlines.acknowledgeBy(decision.priority(), now));
    }

    private Mono<Void> amend(Routing routing) {
        TipSubmitted tip = routing.tip();
        PremisesAssessed assessment = routing.assessment();
        Instant now = clock.instant();
        List<String> routedAlready = routing.recipients();
        List<AlertRouted> added = router.route(AlertFactory.facts(tip, assessment)).stream()
                .filter(decision -> !routedAlready.contains(decision.recipient().name()))
                .map(decision -> alert(tip, assessment, decision, now))
                .toList();
        return routings.amend(tip.getTipId(), now, added)
                .doOnNext(amended -> {
                    if (amended && !added.isEmpty()) {
                        log.debug("Tip {} amended with {} recipients from its late assessment", tip.getTipId(),
                                added.size());
                        relay.nudge(tip.getTipId());
                    }
                })
                .then();
    }
}
