package se.goteborg.vaksam.inbox.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code vaksam.inbox.webhooks.*}.
 *
 * @param allowedPrivateHosts     host names that may resolve to loopback or private addresses (a receiver inside the
 *                                city's own network, the tests' local receiver); empty by default, so no webhook can
 *                                reach into the network the inbox runs in
 * @param trustedCertificates     a PEM file of CA certificates trusted besides the JVM's own, for receivers whose
 *                                certificate comes from a private CA
 * @param connectTimeout          how long connecting (TCP and TLS) to a receiver may take
 * @param responseTimeout         how long a receiver may take to answer, counted from the request
 * @param sweepInterval           how often due deliveries are looked for when no new event asks for it sooner
 * @param maxWebhooksPerRecipient how many active webhooks one organisation may have
 * @param maxConcurrentWebhooks   how many webhooks are delivered to at once
 * @param perWebhookConcurrency   how many requests one webhook's receiver gets at once
 * @param batchSize               how many due deliveries of one webhook one pass takes
 * @param retries                 the back-off between failed attempts
 */
@ConfigurationProperties("vaksam.inbox.webhooks")
record WebhookProperties(@DefaultValue List<String> allowedPrivateHosts,
                         Resource trustedCertificates,
                         @DefaultValue("5s") Duration connectTimeout,
                         @DefaultValue("10s") Duration responseTimeout,
                         @DefaultValue("1s") Duration sweepInterval,
                         @DefaultValue("10") int maxWebhooksPerRecipient,
                         @DefaultValue("16") int maxConcurrentWebhooks,
                         @DefaultValue("2") int perWebhookConcurrency,
                         @DefaultValue("20") int batchSize,
                         @DefaultValue Retries retries) {

    /**
     * The wait after a failed attempt: {@code initialInterval}, times {@code multiplier} after each further failure,
     * never more than {@code maxInterval}; after {@code maxAttempts} attempts the delivery has failed.
     */
    record Retries(@DefaultValue("10s") Duration initialInterval,
                   @DefaultValue("2.0") double multiplier,
                   @DefaultValue("1h") Duration maxInterval,
                   @DefaultValue("10") int maxAttempts) {

        Retries {
            if (initialInterval.isNegative() || initialInterval.isZero() || multiplier < 1.0
                    || maxInterval.compareTo(initialInterval) < 0 || maxAttempts < 1) {
                throw new IllegalArgumentException("Webhook retries need a positive initial interval, a multiplier of "
                        + "at least 1, a maximum interval no shorter than the initial one and at least one attempt");
            }
        }

        /** The wait after the given (1-based) attempt failed. */
        Duration delayAfter(int attempt) {
            double millis = initialInterval.toMillis() * Math.pow(multiplier, attempt - 1);
            return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis(Math.round(millis));
        }

        boolean exhaustedAfter(int attempt) {
            return attempt >= maxAttempts;
        }
    }

    /** The longest one attempt may take: the host's look-up, connecting, the TLS handshake and the answer. */
    Duration attemptLimit() {
        return EndpointRules.LOOKUP_LIMIT.plus(connectTimeout.multipliedBy(2)).plus(responseTimeout);
    }

    /**
     * How long a claimed delivery is kept from other passes (and other replicas): longer than any attempt can take,
     * so a delivery is sent twice only when the service died while sending it.
     */
    Duration claimLease() {
        return attemptLimit().multipliedBy(2);
    }
}
