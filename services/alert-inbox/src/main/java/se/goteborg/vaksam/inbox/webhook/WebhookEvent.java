package se.goteborg.vaksam.inbox.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * The body a receiver gets: ids, codes and times, never content. Whatever is personal (sealed details, premises,
 * the trip, free text) the receiver fetches through {@code href} with its own token, so every opening of personal
 * data stays in the inbox's audit log; and a receiver's logs, queues or a wrongly configured endpoint hold nothing
 * worth leaking.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookEvent(String eventId, String type, Instant occurredAt, AlertFacts alert) {

    static final String ROUTED = "alert.routed";
    static final String STATUS_CHANGED = "alert.status-changed";
    static final String PING = "ping";

    /**
     * The alert as far as the event says; the fields of a status change ({@code status} to {@code escalatedTo}) only
     * on {@value #STATUS_CHANGED}, those of the routing ({@code reasons}, {@code channel}, {@code routedAt}) only on
     * {@value #ROUTED}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AlertFacts(String alertId, String tipId, Recipient recipient, Priority priority, AlertStatus status,
                      String outcome, Instant changedAt, Priority previousPriority, Instant acknowledgeBy,
                      String escalatedTo, List<String> reasons, Channel channel, Instant routedAt, String href) {
    }

    static WebhookEvent routed(AlertRouted event) {
        return new WebhookEvent(event.getEventId(), ROUTED, event.getRoutedAt(), new AlertFacts(event.getAlertId(),
                event.getTipId(), event.getRecipient(), event.getPriority(), null, null, null, null, null, null,
                List.copyOf(event.getReasons()), event.getChannel(), event.getRoutedAt(), href(event.getAlertId())));
    }

    static WebhookEvent statusChanged(AlertStatusChanged event) {
        return new WebhookEvent(event.getEventId(), STATUS_CHANGED, event.getChangedAt(), new AlertFacts(
                event.getAlertId(), event.getTipId(), event.getRecipient(), event.getPriority(), event.getStatus(),
                event.getOutcome(), event.getChangedAt(), event.getPreviousPriority(), event.getAcknowledgeBy(),
                event.getEscalatedTo(), null, null, null, href(event.getAlertId())));
    }

    /** A test event with no alert, which the receiver can tell by its type. */
    static WebhookEvent ping(String eventId, Instant at) {
        return new WebhookEvent(eventId, PING, at, null);
    }

    String alertId() {
        return alert == null ? null : alert.alertId();
    }

    private static String href(String alertId) {
        return "/api/v1/alerts/" + alertId;
    }
}
