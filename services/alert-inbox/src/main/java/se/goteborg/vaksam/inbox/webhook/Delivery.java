package se.goteborg.vaksam.inbox.webhook;

import java.time.Instant;

/** One event for one webhook, with the body every attempt sends and how the attempts went. */
record Delivery(String deliveryId, String webhookId, String eventId, String type, String alertId, String body,
                DeliveryStatus status, int attempts, Integer lastStatusCode, String lastError, Instant createdAt,
                Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant failedAt) {
}
