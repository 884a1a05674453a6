package se.goteborg.vaksam.platform.events;

import java.time.Duration;

/**
 * The wait after a failed attempt to deliver something (a webhook call, an e-mail): {@code initialInterval}, times
 * {@code multiplier} after each further failure, never more than {@code maxInterval}; after {@code maxAttempts}
 * attempts the delivery has failed. Bound from a service's settings, where each service gives its own values.
 */
public record Backoff(Duration initialInterval, double multiplier, Duration maxInterval, int maxAttempts) {

    public Backoff {
        if (initialInterval == null || maxInterval == null || initialInterval.isNegative() || initialInterval.isZero()
                || multiplier < 1.0 || maxInterval.compareTo(initialInterval) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Retries need a positive initial interval, a multiplier of at least 1, "
                    + "a maximum interval no shorter than the initial one and at least one attempt");
        }
    }

    /** The wait after the given (1-based) attempt failed. */
    public Duration delayAfter(int attempt) {
        double millis = initialInterval.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis(Math.round(millis));
    }

    public boolean exhaustedAfter(int attempt) {
        return attempt >= maxAttempts;
    }
}
