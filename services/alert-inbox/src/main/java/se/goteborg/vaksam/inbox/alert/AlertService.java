package se.goteborg.vaksam.inbox.alert;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertStatus;

/** A recipient's view of its inbox and what it may do with its alerts. */
@Service
class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertRepository alerts;
    private final OpeningAudit audit;
    private final DetailsOpener opener;
    private final Clock clock;

    AlertService(AlertRepository alerts, OpeningAudit audit, DetailsOpener opener, Clock clock) {
        this.alerts = alerts;
        this.audit = audit;
        this.opener = opener;
        this.clock = clock;
    }

    Flux<AlertView> list(InboxCaller caller, AlertState state, int limit) {
        return alerts.list(caller.recipient(), state, limit).map(alert -> AlertView.summary(alert, caller));
    }

    /**
     * The alert with its details opened, when there are any and the caller may see them. The opening is in the audit
     * log before anything is opened, so no details leave the service unrecorded.
     */
    Mono<AlertView> get(InboxCaller caller, String alertId) {
        return find(caller, alertId).flatMap(alert -> {
            if (!alert.hasSealedDetails() || !caller.mayOpenDetails()) {
                return Mono.just(AlertView.summary(alert, caller));
            }
            return alerts.sealedDetails(alertId, caller.recipient())
                    .flatMap(sealed -> audit.record(caller, alert, clock.instant())
                            .then(Mono.fromSupplier(() -> opener.open(sealed, alert.tipId(), alertId))))
                    .map(details -> details
                            .map(opened -> AlertView.of(alert, DetailsState.OPENED, opened))
                            .orElseGet(() -> AlertView.of(alert, DetailsState.UNREADABLE, null)))
                    .switchIfEmpty(Mono.fromSupplier(() -> AlertView.of(alert, DetailsState.UNREADABLE, null)));
        });
    }

    /** Acknowledges a new alert; for one already acknowledged or closed it changes and publishes nothing. */
    Mono<AlertView> acknowledge(InboxCaller caller, String alertId) {
        return find(caller, alertId).flatMap(alert -> {
            if (alert.state() != AlertState.NEW) {
                return Mono.just(alert);
            }
            Instant now = clock.instant();
            return alerts.acknowledge(alert, caller.subject(), now,
                            AlertDocuments.statusChanged(alert, AlertStatus.ACKNOWLEDGED, null, caller.recipient().name(), now))
                    .doOnNext(changed -> {
                        if (changed) {
                            log.info("Alert {} acknowledged by {}", alertId, caller.recipient());
                        }
                    })
                    .then(find(caller, alertId));
        }).map(alert -> AlertView.summary(alert, caller));
    }

    /**
     * Closes the alert with an outcome. Recording the same outcome again is harmless; a different outcome for a
     * closed alert is a conflict, since the first one has been published.
     */
    Mono<AlertView> recordOutcome(InboxCaller caller, String alertId, Outcome outcome) {
        return find(caller, alertId).flatMap(alert -> {
            if (alert.state() == AlertState.CLOSED) {
                return sameOutcome(alert, outcome);
            }
            Instant now = clock.instant();
            return alerts.close(alert, outcome, caller.subject(), now,
                            AlertDocuments.statusChanged(alert, AlertStatus.OUTCOME_RECORDED, outcome,
                                    caller.recipient().name(), now))
                    .doOnNext(changed -> {
                        if (changed) {
                            log.info("Alert {} closed with {} by {}", alertId, outcome, caller.recipient());
                        }
                    })
                    .then(find(caller, alertId))
                    .flatMap(current -> sameOutcome(current, outcome));
        }).map(alert -> AlertView.summary(alert, caller));
    }

    private static Mono<Alert> sameOutcome(Alert alert, Outcome outcome) {
        if (alert.outcome() == outcome) {
            return Mono.just(alert);
        }
        return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                "The alert is already closed with the outcome " + alert.outcome() + "."));
    }

    /** Another recipient's alert is reported exactly like one that does not exist. */
    private Mono<Alert> find(InboxCaller caller, String alertId) {
        return alerts.find(alertId, caller.recipient())
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such alert.")));
    }
}
