package se.goteborg.vaksam.inbox.alert;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;

/**
 * An alert as the API shows it. {@code createdAt} is when the alert was first routed; {@code routedAt} when it was
 * last (re-)routed; {@code receivedAt} when it reached this inbox. {@code priority} is the one the recipient works to, {@code suggestedPriority} routing's, computed
 * from the checklist with {@code reasons}; {@code priorityChanges} records who changed it. {@code acknowledgeBy} is
 * the deadline, {@code overdue} whether it has passed unacknowledged, {@code escalatedAt}/{@code escalatedTo} when
 * routing told the recipient's duty contact. Fields the alert does not carry are left out; {@code details} is present
 * only when opened, and {@code messages} (the follow-up questions and the tipster's answers) and {@code notes} (the
 * organisation's own) only in the alert's detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AlertView(String alertId, String tipId, Recipient recipient, Priority priority, Priority suggestedPriority,
                 AlertState status, List<String> reasons, Instant createdAt, Instant routedAt, Instant receivedAt,
                 String rulesVersion, Instant acknowledgeBy, Boolean overdue, Instant escalatedAt, String escalatedTo, Channel channel,
                 Instant observedAt, List<String> indicators, SuspectedMinor suspectedMinor, Boolean immediateDanger,
                 ExploitationType exploitationType, Alert.Premises premises, Alert.Trip trip,
                 List<String> linkedTipIds, Instant acknowledgedAt, String acknowledgedBy, Outcome outcome,
                 Instant closedAt, String closedBy, List<Alert.PriorityChange> priorityChanges,
                 DetailsState detailsState, DetailsOpener.Details details, List<MessageView> messages,
                 List<NoteView> notes) {

    /** Without opening anything: says whether there are details the caller could open. */
    static AlertView summary(Alert alert, InboxCaller caller, Instant now) {
        DetailsState state = !alert.hasSealedDetails() ? DetailsState.NONE
                : caller.mayOpenDetails() ? DetailsState.AVAILABLE : DetailsState.WITHHELD;
        return withDetails(alert, caller, now, state, null);
    }

    static AlertView withDetails(Alert a, InboxCaller caller, Instant now, DetailsState detailsState,
                                 DetailsOpener.Details details) {
        return new AlertView(a.alertId(), a.tipId(), a.recipient(), a.priority(), a.suggestedPriority(), a.state(),
                a.reasons(), a.createdAt(), a.routedAt(), a.receivedAt(), a.rulesVersion(), a.acknowledgeBy(),
                a.acknowledgeBy() == null ? null : a.overdue(now), a.escalatedAt(), a.escalatedTo(), a.channel(),
                a.observedAt(), a.indicators(), a.suspectedMinor(), a.immediateDanger(), a.exploitationType(),
                a.premises(), a.trip(), a.linkedTipIds(), a.acknowledgedAt(), a.acknowledgedBy(), a.outcome(),
                a.closedAt(), a.closedBy(), a.priorityChanges(), detailsState, details, null, null);
    }

    AlertView withMessagesAndNotes(List<MessageView> messages, List<NoteView> notes) {
        return new AlertView(alertId, tipId, recipient, priority, suggestedPriority, status, reasons, createdAt,
                routedAt, receivedAt, rulesVersion, acknowledgeBy, overdue, escalatedAt, escalatedTo, channel, observedAt,
                indicators, suspectedMinor, immediateDanger, exploitationType, premises, trip, linkedTipIds,
                acknowledgedAt, acknowledgedBy, outcome, closedAt, closedBy, priorityChanges, detailsState, details,
                List.copyOf(messages), List.copyOf(notes));
    }
}
