package se.goteborg.vaksam.inbox.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.followup.Direction;

/** A recipient's view of its inbox and what it may do with its alerts. */
@Service
class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertRepository alerts;
    private final OpeningAudit audit;
    private final DetailsOpener opener;
    private final FollowUpSealing followUps;
    private final Clock clock;

    AlertService(AlertRepository alerts, OpeningAudit audit, DetailsOpener opener, FollowUpSealing followUps,
                 Clock clock) {
        this.alerts = alerts;
        this.audit = audit;
        this.opener = opener;
        this.followUps = followUps;
        this.clock = clock;
    }

    Flux<AlertView> list(InboxCaller caller, AlertState state, int limit) {
        return alerts.list(caller.recipient(), state, limit).map(alert -> AlertView.summary(alert, caller));
    }

    /**
     * The alert with its details and its follow-up messages opened, when there are any and the caller may see them.
     * Each opening is in the audit log before anything is opened, so nothing sealed leaves the service unrecorded.
     */
    Mono<AlertView> get(InboxCaller caller, String alertId) {
        return find(caller, alertId).flatMap(alert -> withDetails(caller, alert)
                .flatMap(view -> messages(caller, alert).map(view::withMessages)));
    }

    /**
     * Sends a question to the alert's tipster: sealed for the tipster's receipt, published through the alert's
     * outbox in the same write that stores it; emits the message id.
     */
    Mono<String> ask(InboxCaller caller, String alertId, String text) {
        return find(caller, alertId).flatMap(alert -> {
            String messageId = UUID.randomUUID().toString();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            FollowUpSealing.SealedQuestion sealed = followUps.seal(text, alert.tipId(), messageId);
            return alerts.addQuestion(alert, messageId,
                            FollowUps.document(Direction.QUESTION, null, sealed.forInbox(), now),
                            FollowUps.question(alert, messageId, sealed.forTipster(), now))
                    .flatMap(stored -> stored ? Mono.just(messageId) : Mono.error(AlertService::notFound))
                    .doOnNext(id -> log.info("Question {} on alert {} sent by {}", id, alertId, caller.recipient()));
        });
    }

    private Mono<List<MessageView>> messages(InboxCaller caller, Alert alert) {
        return alerts.messages(alert.alertId(), caller.recipient()).flatMap(messages -> {
            if (messages.isEmpty() || !caller.mayOpenDetails()) {
                return Mono.just(messages.stream().map(message -> view(message, null)).toList());
            }
            return audit.recordMessages(caller, alert, messages.stream().map(FollowUps.Stored::messageId).toList(),
                            clock.instant())
                    .then(Mono.fromSupplier(() -> messages.stream()
                            .map(message -> view(message, followUps.open(message, alert.tipId()).orElse(null)))
                            .toList()));
        });
    }

    private static MessageView view(FollowUps.Stored message, String text) {
        return new MessageView(message.messageId(), message.direction(), message.questionId(), text, message.sentAt());
    }

    private Mono<AlertView> withDetails(InboxCaller caller, Alert alert) {
        if (!alert.hasSealedDetails() || !caller.mayOpenDetails()) {
            return Mono.just(AlertView.summary(alert, caller));
        }
        return alerts.sealedDetails(alert.alertId(), caller.recipient())
                .flatMap(sealed -> audit.record(caller, alert, clock.instant())
                        .then(Mono.fromSupplier(() -> opener.open(sealed, alert.tipId(), alert.alertId()))))
                .map(details -> details
                        .map(opened -> AlertView.of(alert, DetailsState.OPENED, opened))
                        .orElseGet(() -> AlertView.of(alert, DetailsState.UNREADABLE, null)))
                .switchIfEmpty(Mono.fromSupplier(() -> AlertView.of(alert, DetailsState.UNREADABLE, null)));
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
                .switchIfEmpty(Mono.error(AlertService::notFound));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such alert.");
    }
}
