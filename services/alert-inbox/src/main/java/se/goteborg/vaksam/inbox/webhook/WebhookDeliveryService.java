package se.goteborg.vaksam.inbox.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.platform.events.Backoff;
import se.goteborg.vaksam.platform.events.SweepLoop;
import se.goteborg.vaksam.platform.sealing.SealingException;

/**
 * Sends the due deliveries. A pass runs at every sweep interval and whenever new deliveries were stored
 * ({@link #nudge()}); it delivers to each active webhook on its own, so a receiver that is slow or down holds up
 * only its own deliveries, never another organisation's. At most {@code max-concurrent-webhooks} webhooks are
 * delivered to at once, each with at most {@code per-webhook-concurrency} requests; a webhook still busy when the
 * next pass comes is left to finish. What "now" is comes from the injected clock, so tests move time instead of
 * waiting for it.
 */
@Service
class WebhookDeliveryService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryService.class);

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookClient client;
    private final WebhookSecrets secrets;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final SweepLoop loop;

    WebhookDeliveryService(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookClient client,
                           WebhookSecrets secrets, WebhookProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.client = client;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
        this.loop = new SweepLoop(properties.sweepInterval(), passes -> passes
                .concatMap(pass -> webhooks.activeIds().filter(busy::add).onErrorResume(e -> {
                    log.warn("Looking for webhooks to deliver to failed: {}", e.getClass().getSimpleName());
                    return Flux.empty();
                }), 1)
                .flatMap(webhookId -> deliverDue(webhookId).doFinally(signal -> busy.remove(webhookId)),
                        properties.maxConcurrentWebhooks()));
    }

    /** Asks for a pass soon; cheap, never blocks. */
    void nudge() {
        loop.trigger();
    }

    /**
     * Never fails, so the loop goes on; deliveries whose outcome was not stored are tried again. Every step is
     * bounded in time: a store or a receiver that never answers must not keep the webhook busy for ever.
     */
    private Mono<Void> deliverDue(String webhookId) {
        Duration readLimit = properties.attemptLimit();
        return webhooks.findActive(webhookId)
                .timeout(readLimit)
                .flatMapMany(webhook -> deliveries.due(webhookId, clock.instant(), properties.batchSize())
                        .collectList()
                        .timeout(readLimit)
                        .flatMapIterable(due -> due)
                        .flatMap(delivery -> attempt(webhook, delivery), properties.perWebhookConcurrency()))
                .then()
                .onErrorResume(e -> {
                    log.warn("Delivering to webhook {} failed: {}", webhookId, e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /**
     * One attempt, its claim and its outcome. Should the store not answer, the attempt is given up on its own, so
     * the others of the pass go on; a claimed delivery whose outcome was not stored is sent again after its lease.
     */
    private Mono<Void> attempt(Webhook webhook, Delivery delivery) {
        Instant now = clock.instant();
        int attempt = delivery.attempts() + 1;
        return deliveries.claim(delivery, now, now.plus(properties.claimLease()))
                .filter(Boolean::booleanValue)
                .flatMap(claimed -> send(webhook, delivery, attempt, now))
                .flatMap(outcome -> record(webhook, delivery, attempt, outcome))
                .timeout(properties.claimLease())
                .onErrorResume(e -> {
                    log.warn("Webhook {} delivery {} attempt {} not completed: {}", webhook.webhookId(),
                            delivery.deliveryId(), attempt, e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /** The secret is opened for this attempt only; one that does not open fails the attempt visibly. */
    private Mono<AttemptOutcome> send(Webhook webhook, Delivery delivery, int attempt, Instant now) {
        String secret;
        try {
            secret = secrets.open(webhook.webhookId(), webhook.sealedSecret());
        } catch (SealingException e) {
            return Mono.just(AttemptOutcome.error(e));
        }
        return client.send(webhook, delivery, attempt, secret, now);
    }

    private Mono<Void> record(Webhook webhook, Delivery delivery, int attempt, AttemptOutcome outcome) {
        Instant at = clock.instant();
        Backoff retries = properties.retries();
        DeliveryStatus status;
        Instant next = null;
        if (outcome.delivered()) {
            status = DeliveryStatus.DELIVERED;
            log.info("Webhook {} delivery {} delivered on attempt {}", webhook.webhookId(), delivery.deliveryId(),
                    attempt);
        } else if (retries.exhaustedAfter(attempt)) {
            status = DeliveryStatus.FAILED;
            log.warn("Webhook {} delivery {} FAILED after attempt {}: {}", webhook.webhookId(),
                    delivery.deliveryId(), attempt, outcome.describe());
        } else {
            status = DeliveryStatus.PENDING;
            Duration delay = retries.delayAfter(attempt);
            next = at.plus(delay);
            log.warn("Webhook {} delivery {} attempt {} failed: {}; next attempt in {}", webhook.webhookId(),
                    delivery.deliveryId(), attempt, outcome.describe(), delay);
        }
        return deliveries.record(delivery.deliveryId(), attempt, outcome, status, at, next)
                .then(webhooks.recordAttempt(webhook.webhookId(), outcome, at));
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
