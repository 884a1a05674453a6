package se.goteborg.vaksam.intake.abuse;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One token bucket per (pseudonymous) key for one limit, held in memory only. A bucket left alone for a whole
 * period is full again, so forgetting it then changes nothing; beyond {@code maxKeys} the least recently used are
 * forgotten first, which only ever errs towards letting a request through.
 */
final class Buckets {

    private final RateLimitProperties.Limit limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    Buckets(RateLimitProperties.Limit limit, int maxKeys, TimeMeter time) {
        this.limit = limit;
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(limit.per())
                .ticker(time::currentTimeNanos)
                .build();
    }

    /**
     * Takes one token for {@code key}.
     *
     * @return {@link Duration#ZERO} when taken, else how long until one is available
     */
    Duration take(String key) {
        var probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** How long until {@code key} has a token, without taking it: {@link Duration#ZERO} when it has one now. */
    Duration wait(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** Takes one token for {@code key} if there is one; an empty bucket stays empty. */
    void spend(String key) {
        bucket(key).tryConsume(1);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per())
                        .build())
                .withCustomTimePrecision(time)
                .build());
    }
}
