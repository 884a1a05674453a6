package se.goteborg.vaksam.inbox.webhook;

import java.time.Instant;

import se.goteborg.vaksam.events.common.Recipient;

/** An active webhook of a recipient organisation, with its secret still sealed, and how its deliveries went. */
record Webhook(String webhookId, Recipient recipient, String url, String description, Instant createdAt,
               String createdBy, byte[] sealedSecret, Health health) {

    /** {@code consecutiveFailures} counts failed attempts since the last delivered one. */
    record Health(Instant lastDeliveredAt, Instant lastFailedAt, int consecutiveFailures, Integer lastStatusCode,
                  String lastError) {
    }

    /** The URL's query may hold the receiver's own token. */
    @Override
    public String toString() {
        return "Webhook[webhookId=" + webhookId + ", recipient=" + recipient + "]";
    }
}
