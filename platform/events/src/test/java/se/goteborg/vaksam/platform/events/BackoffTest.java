package se.goteborg.vaksam.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    /** The webhooks' default. */
    private static final Backoff WEBHOOKS = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 10);
    /** The bulletins' e-mails' default. */
    private static final Backoff MAILS = new Backoff(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(30), 8);

    @Test
    void theWaitDoublesFromTheFirstAndTheLastAttemptIsTheLast() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(WEBHOOKS::delayAfter).map(Duration::toSeconds))
                .containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L);
        assertThat(IntStream.rangeClosed(1, 9).filter(WEBHOOKS::exhaustedAfter)).isEmpty();
        assertThat(WEBHOOKS.exhaustedAfter(10)).isTrue();
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(MAILS::delayAfter))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                        Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(30), Duration.ofMinutes(30));
        assertThat(new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 50).delayAfter(49))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMultiplierOfOneWaitsTheSameEveryTime() {
        Backoff even = new Backoff(Duration.ofSeconds(30), 1.0, Duration.ofMinutes(5), 3);
        assertThat(even.delayAfter(1)).isEqualTo(even.delayAfter(3)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void nonsensicalSettingsAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, 2.0, Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), 0.5, Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), 2.0, Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(null, 2.0, Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
