package se.goteborg.vaksam.inbox.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.inbox.alert.AlertRepository.Sealed;
import se.goteborg.vaksam.inbox.audit.AuditLog;
import se.goteborg.vaksam.inbox.audit.Opening;

/** A recipient's view of its inbox and what it may do with its alerts. */
@Service
class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertRepository alerts;
    private final AuditLog audit;
    private final DetailsOpener opener;
    private final FollowUpSealing sealing;
    private final Clock clock;

    AlertService(AlertRepository alerts, AuditLog audit, DetailsOpener opener, FollowUpSealing sealing, Clock clock) {
        this.alerts = alerts;
        this.audit = audit;
        this.opener = opener;
        this.sealing = sealing;
        this.clock = clock;
    }

    Flux<AlertView> list(InboxCaller caller, AlertQuery query) {
        return Flux.defer(() -> {
            Instant now = clock.instant();
            return alerts.list(caller.recipient(), query, now).map(alert -> AlertView.summary(alert, caller, now));
        });
    }

    /** The alert as listed, opening nothing. */
    Mono<AlertView> summary(InboxCaller caller, String alertId) {
        return find(caller, alertId).map(alert -> AlertView.summary(alert, caller, clock.instant()));
    }

    /**
     * The alert with everything sealed that the caller may see opened: the tip's details (the fields the recipient's
     * role needs), the follow-up messages and the organisation's notes. One opening is in the audit log, with the
     * reason given, before anything is opened, so nothing sealed leaves the service unrecorded; when there is nothing
     * the caller may open, nothing is recorded.
     */
    Mono<AlertView> open(InboxCaller caller, String alertId, String reason) {
        return read(caller, alertId, reason).map(Reading::view);
    }

    /** What {@link #open} shows, and whether an opening went into the audit log for it. */
    record Reading(AlertView view, boolean recorded) {
    }

    Mono<Reading> read(InboxCaller caller, String alertId, String reason) {
        return alerts.findWithSealed(alertId, caller.recipient()).switchIfEmpty(Mono.error(AlertService::notFound))
                .flatMap(found -> {
                    Alert alert = found.alert();
                    Sealed sealed = found.sealed();
                    boolean details = alert.hasSealedDetails() && caller.mayOpenDetails() && sealed.details() != null;
                    boolean messages = caller.mayOpenDetails() && !sealed.messages().isEmpty();
                    boolean notes = !sealed.notes().isEmpty();
                    Instant now = clock.instant();
                    if (!details && !messages && !notes) {
                        return Mono.just(new Reading(view(alert, caller, now, details, sealed, messages, notes), false));
                    }
                    return audit.record(opening(caller, alert, now, reason, details, sealed, messages, notes))
                            .then(Mono.fromSupplier(() -> new Reading(
                                    view(alert, caller, now, details, sealed, messages, notes), true)));
                });
    }

    private AlertView view(Alert alert, InboxCaller caller, Instant now, boolean details, Sealed sealed,
                           boolean openMessages, boolean openNotes) {
        AlertView view = AlertView.summary(alert, caller, now);
        if (details) {
            view = opener.open(sealed.details(), alert.tipId(), alert.alertId())
                    .map(opened -> AlertView.withDetails(alert, caller, now, DetailsState.OPENED,
                            DetailsPolicy.visibleTo(alert.recipient(), opened)))
                    .orElseGet(() -> AlertView.withDetails(alert, caller, now, DetailsState.UNREADABLE, null));
        }
        List<MessageView> messages = sealed.messages().stream()
                .map(message -> new MessageView(message.messageId(), message.direction(), message.questionId(),
                        openMessages ? sealing.open(message.sealedText(), alert.tipId(), message.messageId())
                                .orElse(null) : null,
                        message.sentAt()))
                .toList();
        List<NoteView> notes = openNotes ? sealed.notes().stream()
                .map(note -> new NoteView(note.noteId(),
                        sealing.open(note.sealedText(), alert.tipId(), note.noteId()).orElse(null),
                        note.author(), note.writtenAt()))
                .toList() : List.of();
        return view.withMessagesAndNotes(messages, notes);
    }

    private static Opening opening(InboxCaller caller, Alert alert, Instant at, String reason, boolean details,
                                   Sealed sealed, boolean messages, boolean notes) {
        List<Opening.Opened> opened = new ArrayList<>();
        if (details) {
            opened.add(Opening.Opened.DETAILS);
        }
        if (messages) {
            opened.add(Opening.Opened.MESSAGES);
        }
        if (notes) {
            opened.add(Opening.Opened.NOTES);
        }
        return new Opening(UUID.randomUUID().toString(), alert.alertId(), alert.tipId(), caller.recipient(),
                caller.subject(), at, reason == null || reason.isEmpty() ? null : reason, opened,
                messages ? sealed.messages().stream().map(FollowUps.Stored::messageId).toList() : List.of(),
                notes ? sealed.notes().stream().map(Notes.Stored::noteId).toList() : List.of());
    }

    /**
     * Sends a question to the alert's tipster: sealed for the tipster's receipt, published through the alert's
     * outbox in the same write that stores it; emits the message id. Only recipients who may read the answers ask.
     */
    Mono<String> ask(InboxCaller caller, String alertId, String text) {
        return ask(caller, alertId, text, null);
    }

    /**
     * {@link #ask(InboxCaller, String, String)} once per submission: the same {@code submissionId} (a form's, sent
     * again by a double click or the back button) names the same question, which is stored and sent only the first
     * time; {@code null} for a new question every call.
     */
    Mono<String> ask(InboxCaller caller, String alertId, String text, String submissionId) {
        return mayAsk(caller).then(find(caller, alertId)).flatMap(alert -> {
            String messageId = textId("question", alertId, submissionId);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            FollowUpSealing.SealedQuestion sealed = sealing.seal(text, alert.tipId(), messageId);
            return alerts.addQuestion(alert, messageId,
                            FollowUps.document(Direction.QUESTION, null, sealed.forInbox(), now),
                            FollowUps.question(alert, messageId, sealed.forTipster(), now))
                    .flatMap(stored -> stored ? Mono.just(messageId) : Mono.error(AlertService::notFound))
                    .doOnNext(id -> log.info("Question {} on alert {} sent by {}", id, alertId, caller.recipient()));
        });
    }

    /** Completes when the caller's organisation may ask tipsters questions; a 403 otherwise. */
    Mono<Void> mayAsk(InboxCaller caller) {
        if (DetailsPolicy.mayFollowUp(caller.recipient())) {
            return Mono.empty();
        }
        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                "The lettings group receives premises only; follow-up questions are for the recipients who act on "
                        + "what was seen."));
    }

    /** Adds an internal note, sealed to the inbox's own key; emits the note id. */
    Mono<String> addNote(InboxCaller caller, String alertId, String text) {
        return addNote(caller, alertId, text, null);
    }

    /** {@link #addNote(InboxCaller, String, String)} once per submission, as {@link #ask} does. */
    Mono<String> addNote(InboxCaller caller, String alertId, String text, String submissionId) {
        return find(caller, alertId).flatMap(alert -> note(alert, caller, text, textId("note", alertId, submissionId)));
    }

    /**
     * A fresh id, or for a submission the same id every time, and never the same for two alerts or kinds of text.
     */
    static String textId(String kind, String alertId, String submissionId) {
        return submissionId == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((kind + "|" + alertId + "|" + submissionId)
                        .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Mono<String> note(Alert alert, InboxCaller caller, String text, String noteId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return alerts.addNote(alert, noteId, Notes.document(sealing.sealOwn(text, alert.tipId()),
                        caller.subject(), now))
                .flatMap(stored -> stored ? Mono.just(noteId) : Mono.error(AlertService::notFound))
                .doOnNext(id -> log.info("Note {} on alert {} written for {}", id, alert.alertId(), caller.recipient()));
    }

    /**
     * Gives the alert the priority the recipient chose instead of routing's suggestion, records who changed it from
     * what and when, and publishes PRIORITY_CHANGED; a reason given becomes an internal note. Choosing the priority it
     * already has changes nothing; a closed alert keeps its priority.
     */
    Mono<AlertView> changePriority(InboxCaller caller, String alertId, Priority to, String reason) {
        return find(caller, alertId).flatMap(alert -> {
            if (alert.priority() == to) {
                return Mono.just(alert);
            }
            if (alert.state() == AlertState.CLOSED) {
                return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                        "The alert is closed; its priority can no longer change."));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return alerts.changePriority(alert, to, caller.subject(), now,
                            AlertDocuments.priorityChanged(alert, to, caller.recipient().name(), now))
                    .flatMap(changed -> {
                        if (!changed) {
                            return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                                    "The alert changed meanwhile; look at it again before changing its priority."));
                        }
                        log.info("Alert {} given priority {} (was {}) by {}", alertId, to, alert.priority(),
                                caller.recipient());
                        return reason == null ? Mono.just(alert)
                                : note(alert, caller, alert.priority() + " → " + to + ": " + reason,
                                        textId("note", alertId, null)).thenReturn(alert);
                    })
                    .then(find(caller, alertId));
        }).map(alert -> AlertView.summary(alert, caller, clock.instant()));
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
        }).map(alert -> AlertView.summary(alert, caller, clock.instant()));
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
        }).map(alert -> AlertView.summary(alert, caller, clock.instant()));
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
