package se.goteborg.vaksam.intake.abuse;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vaksam.intake.rate-limits.*}: how much one member key or one client address may do. The defaults leave a
 * reception desk PC shared by a whole hotel's staff far from any limit in normal use, while a script hammering the
 * service, or guessing receipt codes, is held back at once.
 *
 * @param tipsPerMember               tip submissions per member key (API bearer key, or the pages' member cookie)
 * @param postsPerAddress             POST requests of any kind per client address
 * @param receiptLookupsPerAddress    receipt look-ups and answers per client address, found or not
 * @param failedReceiptLookupsPerAddress receipt look-ups per client address that found no tip: guesses
 * @param maxTrackedKeys              keys (hashed) remembered per limit; the least recently used are dropped first
 */
@ConfigurationProperties("vaksam.intake.rate-limits")
record RateLimitProperties(@DefaultValue({"30", "1m"}) Limit tipsPerMember,
                           @DefaultValue({"60", "1m"}) Limit postsPerAddress,
                           @DefaultValue({"60", "1m"}) Limit receiptLookupsPerAddress,
                           @DefaultValue({"10", "15m"}) Limit failedReceiptLookupsPerAddress,
                           @DefaultValue("10000") int maxTrackedKeys) {

    /** At most {@code requests} per {@code per}, refilled smoothly: one more every {@code per / requests}. */
    record Limit(long requests, Duration per) {

        Limit {
            if (requests < 1 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("A rate limit needs at least one request per a positive duration");
            }
        }
    }
}
