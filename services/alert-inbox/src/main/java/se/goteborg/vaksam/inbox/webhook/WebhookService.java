package se.goteborg.vaksam.inbox.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.inbox.webhook.WebhookRequests.DeliveryQuery;
import se.goteborg.vaksam.inbox.webhook.WebhookRequests.Registration;
import se.goteborg.vaksam.inbox.webhook.WebhookViews.DeliveryView;
import se.goteborg.vaksam.inbox.webhook.WebhookViews.WebhookView;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's webhooks and their deliveries: what the API does with them, and the deliveries each event
 * creates. Another organisation's webhook is answered exactly like one that does not exist.
 */
@Service
class WebhookService {

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookSecrets secrets;
    private final WebhookDeliveryService delivery;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    WebhookService(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookSecrets secrets,
                   WebhookDeliveryService delivery, WebhookProperties properties, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.delivery = delivery;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Registers the webhook with a new secret, which the answer shows this once. The limit per organisation is
     * counted before the write, so two registrations at the same moment may pass it by one.
     */
    Mono<WebhookView> register(WebhookCaller caller, Registration registration) {
        return webhooks.countActive(caller.recipient()).flatMap(count -> {
            if (count >= properties.maxWebhooksPerRecipient()) {
                return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "An organisation may have at most "
                        + properties.maxWebhooksPerRecipient() + " webhooks; delete one first."));
            }
            String webhookId = UUID.randomUUID().toString();
            WebhookSecrets.Issued issued = secrets.issue(webhookId);
            Webhook webhook = new Webhook(webhookId, caller.recipient(), registration.url(),
                    registration.description(), now(), caller.subject(),
                    issued.sealed(), new Webhook.Health(null, null, 0, null, null));
            return webhooks.insert(webhook)
                    .doOnSuccess(done -> log.info("Webhook {} registered for {} by {}", webhookId, caller.recipient(),
                            caller.subject()))
                    .thenReturn(WebhookView.of(webhook, 0, 0).withSecret(issued.secret()));
        });
    }

    Flux<WebhookView> list(WebhookCaller caller) {
        return webhooks.listActive(caller.recipient()).concatMap(this::view);
    }

    Mono<WebhookView> get(WebhookCaller caller, String webhookId) {
        return find(caller, webhookId).flatMap(this::view);
    }

    /** Stops the webhook's deliveries: its pending ones are cancelled and its secret destroyed. */
    Mono<Void> delete(WebhookCaller caller, String webhookId) {
        Instant now = clock.instant();
        return webhooks.delete(webhookId, caller.recipient(), caller.subject(), now)
                .flatMap(deleted -> deleted ? deliveries.cancelPending(webhookId, now)
                        : Mono.<Long>error(WebhookService::notFound))
                .doOnNext(cancelled -> log.info("Webhook {} of {} deleted by {}; {} pending deliveries cancelled",
                        webhookId, caller.recipient(), caller.subject(), cancelled))
                .then();
    }

    Flux<DeliveryView> deliveries(WebhookCaller caller, String webhookId, DeliveryQuery query) {
        return find(caller, webhookId)
                .flatMapMany(webhook -> deliveries.list(webhookId, query.status(), query.limit()))
                .map(DeliveryView::of);
    }

    /** Queues a FAILED delivery again, with a whole new series of attempts; any other is a conflict. */
    Mono<DeliveryView> retry(WebhookCaller caller, String webhookId, String deliveryId) {
        return find(caller, webhookId)
                .flatMap(webhook -> deliveries.find(webhookId, deliveryId))
                .switchIfEmpty(Mono.error(WebhookService::noSuchDelivery))
                .flatMap(current -> {
                    if (current.status() != DeliveryStatus.FAILED) {
                        return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                                "Only a FAILED delivery can be retried; this one is " + current.status() + "."));
                    }
                    Delivery requeued = current.requeued(now());
                    return deliveries.requeue(requeued).doOnNext(stored -> {
                        if (stored) {
                            log.info("Webhook {} delivery {} queued again by {}", webhookId, deliveryId,
                                    caller.subject());
                            delivery.nudge();
                        }
                    }).thenReturn(requeued);
                })
                .map(DeliveryView::of);
    }

    /** Sends a test event of type {@value WebhookEvent#PING}, signed like every other. */
    Mono<DeliveryView> ping(WebhookCaller caller, String webhookId) {
        return find(caller, webhookId).flatMap(webhook -> {
            Instant now = now();
            WebhookEvent event = WebhookEvent.ping(UUID.randomUUID().toString(), now);
            Delivery queued = Delivery.queued(webhookId, event, json.writeValueAsString(event), now);
            return deliveries.add(queued).doOnSuccess(done -> delivery.nudge()).thenReturn(queued);
        }).map(DeliveryView::of);
    }

    /**
     * One delivery of the event for each webhook its recipient had when it happened. Running it again for the same
     * event stores nothing new: the delivery ids are the same.
     */
    Mono<Void> enqueue(Recipient recipient, WebhookEvent event) {
        Instant now = now();
        String body = json.writeValueAsString(event);
        return webhooks.activeIdsAt(recipient, event.occurredAt())
                .concatMap(webhookId -> deliveries.add(Delivery.queued(webhookId, event, body, now))
                        .thenReturn(webhookId))
                .count()
                .doOnNext(count -> {
                    if (count > 0) {
                        delivery.nudge();
                    }
                })
                .then();
    }

    /** Times as the store keeps them, so an answer shows what a later read will. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Mono<WebhookView> view(Webhook webhook) {
        return Mono.zip(deliveries.count(webhook.webhookId(), DeliveryStatus.PENDING),
                        deliveries.count(webhook.webhookId(), DeliveryStatus.FAILED))
                .map(counts -> WebhookView.of(webhook, counts.getT1(), counts.getT2()));
    }

    private Mono<Webhook> find(WebhookCaller caller, String webhookId) {
        return webhooks.findActive(webhookId, caller.recipient()).switchIfEmpty(Mono.error(WebhookService::notFound));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such webhook.");
    }

    private static ResponseStatusException noSuchDelivery() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such delivery.");
    }
}
