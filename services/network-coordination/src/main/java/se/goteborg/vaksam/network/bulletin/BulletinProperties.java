package se.goteborg.vaksam.network.bulletin;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.goteborg.vaksam.platform.events.Backoff;

/**
 * {@code vaksam.network.bulletins.*}; the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from           who the e-mails are from, e.g. {@code Göteborg & Co – Vaksam <natverket@goteborgco.se>}
 * @param replyTo        where members' answers go, if not to {@code from}
 * @param sweepInterval  how often due bulletins and e-mails are looked for; a bulletin is published at most this long
 *                       after its time
 * @param sendTimeout    how long one e-mail may take, connecting included; the SMTP client's own time-outs
 *                       ({@code spring.mail.properties.mail.smtp.*timeout}) should be shorter
 * @param concurrentSends how many e-mails are sent at once
 * @param retries        the back-off between failed attempts (application.yml gives the defaults)
 */
@ConfigurationProperties("vaksam.network.bulletins")
record BulletinProperties(String from,
                          String replyTo,
                          @DefaultValue("10s") Duration sweepInterval,
                          @DefaultValue("30s") Duration sendTimeout,
                          @DefaultValue("4") int concurrentSends,
                          Backoff retries) {

    BulletinProperties {
        address("from", from);
        if (replyTo != null && !replyTo.isBlank()) {
            address("reply-to", replyTo);
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero() || sendTimeout.isNegative() || sendTimeout.isZero()
                || concurrentSends < 1) {
            throw new IllegalArgumentException("vaksam.network.bulletins needs a positive sweep interval, send "
                    + "time-out and number of concurrent sends");
        }
    }

    /** How long a claimed e-mail is kept from other passes: longer than sending it may take. */
    Duration claimLease() {
        return sendTimeout.multipliedBy(2);
    }

    InternetAddress fromAddress() {
        return address("from", from);
    }

    InternetAddress replyToAddress() {
        return replyTo == null || replyTo.isBlank() ? null : address("reply-to", replyTo);
    }

    private static InternetAddress address(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("vaksam.network.bulletins." + setting + " must be set");
        }
        try {
            return new InternetAddress(value, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("vaksam.network.bulletins." + setting
                    + " must be an e-mail address, optionally with a name: Name <address@example.org>", e);
        }
    }
}
