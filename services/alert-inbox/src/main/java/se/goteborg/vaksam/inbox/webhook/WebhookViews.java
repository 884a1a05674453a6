package se.goteborg.vaksam.inbox.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.goteborg.vaksam.events.common.Recipient;

/** Webhooks and deliveries as the API shows them; fields without a value are left out. */
final class WebhookViews {

    private WebhookViews() {
    }

    /** {@code secret} is present only in the answer to the registration, the one time it is ever shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookView(String webhookId, Recipient recipient, String url, String description, Instant createdAt,
                       String createdBy, HealthView health, String secret) {

        static WebhookView of(Webhook webhook, long pending, long failed) {
            Webhook.Health h = webhook.health();
            return new WebhookView(webhook.webhookId(), webhook.recipient(), webhook.url(), webhook.description(),
                    webhook.createdAt(), webhook.createdBy(), new HealthView(h.lastDeliveredAt(), h.lastFailedAt(),
                    h.consecutiveFailures(), h.lastStatusCode(), h.lastError(), pending, failed), null);
        }

        WebhookView withSecret(String secret) {
            return new WebhookView(webhookId, recipient, url, description, createdAt, createdBy, health, secret);
        }

        @Override
        public String toString() {
            return "WebhookView[webhookId=" + webhookId + ", recipient=" + recipient + "]";
        }
    }

    /** {@code pending} and {@code failed} count the webhook's deliveries in that status. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HealthView(Instant lastDeliveredAt, Instant lastFailedAt, int consecutiveFailures, Integer lastStatusCode,
                      String lastError, long pending, long failed) {
    }

    /** What happened to one delivery; the body is never shown, the receiver has it (or will). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(String deliveryId, String eventId, String type, String alertId, DeliveryStatus status,
                        int attempts, Integer lastStatusCode, String lastError, Instant createdAt,
                        Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Instant failedAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.deliveryId(), d.eventId(), d.type(), d.alertId(), d.status(), d.attempts(),
                    d.lastStatusCode(), d.lastError(), d.createdAt(), d.lastAttemptAt(), d.nextAttemptAt(),
                    d.deliveredAt(), d.failedAt());
        }
    }
}
