package se.goteborg.vaksam.inbox.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** One event for one webhook, with the body every attempt sends and how the attempts went. */
record Delivery(String deliveryId, String webhookId, String eventId, String type, String alertId, String body,
                DeliveryStatus status, int attempts, Integer lastStatusCode, String lastError, Instant createdAt,
                Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant failedAt) {

    /** A new delivery, due at once. */
    static Delivery queued(String webhookId, WebhookEvent event, String body, Instant now) {
        return new Delivery(deliveryId(event.eventId(), webhookId), webhookId, event.eventId(), event.type(),
                event.alertId(), body, DeliveryStatus.PENDING, 0, null, null, now, null, now, null, null);
    }

    /** The same event for the same webhook always has the same delivery id, so a redelivered event adds nothing. */
    static String deliveryId(String eventId, String webhookId) {
        return UUID.nameUUIDFromBytes((eventId + ":" + webhookId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Queued again after it failed: a whole new series of attempts, due at once. */
    Delivery requeued(Instant now) {
        return new Delivery(deliveryId, webhookId, eventId, type, alertId, body, DeliveryStatus.PENDING, 0,
                lastStatusCode, lastError, createdAt, lastAttemptAt, now, null, null);
    }
}
