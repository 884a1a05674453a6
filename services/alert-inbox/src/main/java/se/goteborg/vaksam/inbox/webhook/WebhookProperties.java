package se.goteborg.vaksam.inbox.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.goteborg.vaksam.platform.events.Backoff;
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
 * @param retries                 the back-off between failed attempts (application.yml gives the defaults)
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
                         Backoff retries) {

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
