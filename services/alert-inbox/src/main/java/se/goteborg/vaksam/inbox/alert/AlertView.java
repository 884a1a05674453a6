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
 * last (re-)routed. Fields the alert does not carry are left out; {@code details} is present only when opened, and
 * {@code messages} (the follow-up questions and the tipster's answers) only in the alert's detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AlertView(String alertId, String tipId, Recipient recipient, Priority priority, AlertState status,
                 List<String> reasons, Instant createdAt, Instant routedAt, String rulesVersion, Channel channel,
                 Instant observedAt, List<String> indicators, SuspectedMinor suspectedMinor, Boolean immediateDanger,
                 ExploitationType exploitationType, Alert.Premises premises, Alert.Trip trip,
                 List<String> linkedTipIds, Instant acknowledgedAt, String acknowledgedBy, Outcome outcome,
                 Instant closedAt, String closedBy, DetailsState detailsState, DetailsOpener.Details details,
                 List<MessageView> messages) {

    static AlertView of(Alert a, DetailsState detailsState, DetailsOpener.Details details) {
        return of(a, detailsState, details, null);
    }

    static AlertView of(Alert a, DetailsState detailsState, DetailsOpener.Details details,
                        List<MessageView> messages) {
        return new AlertView(a.alertId(), a.tipId(), a.recipient(), a.priority(), a.state(), a.reasons(),
                a.createdAt(), a.routedAt(), a.rulesVersion(), a.channel(), a.observedAt(), a.indicators(),
                a.suspectedMinor(), a.immediateDanger(), a.exploitationType(), a.premises(), a.trip(),
                a.linkedTipIds(), a.acknowledgedAt(), a.acknowledgedBy(), a.outcome(), a.closedAt(), a.closedBy(),
                detailsState, details, messages);
    }

    AlertView withMessages(List<MessageView> messages) {
        return new AlertView(alertId, tipId, recipient, priority, status, reasons, createdAt, routedAt, rulesVersion,
                channel, observedAt, indicators, suspectedMinor, immediateDanger, exploitationType, premises, trip,
                linkedTipIds, acknowledgedAt, acknowledgedBy, outcome, closedAt, closedBy, detailsState, details,
                List.copyOf(messages));
    }

    /** Without opening anything: says whether there are details the caller could open. */
    static AlertView summary(Alert alert, InboxCaller caller) {
        DetailsState state = !alert.hasSealedDetails() ? DetailsState.NONE
                : caller.mayOpenDetails() ? DetailsState.AVAILABLE : DetailsState.WITHHELD;
        return of(alert, state, null);
    }
}
