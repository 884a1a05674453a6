package se.goteborg.vaksam.inbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetriesTest {

    private static final WebhookProperties.Retries DEFAULTS =
            new WebhookProperties.Retries(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 10);

    @Test
    void theWaitDoublesFromTenSecondsAndTheTenthAttemptIsTheLast() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(DEFAULTS::delayAfter).map(Duration::toSeconds))
                .containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L);
        assertThat(IntStream.rangeClosed(1, 9).filter(DEFAULTS::exhaustedAfter)).isEmpty();
        assertThat(DEFAULTS.exhaustedAfter(10)).isTrue();
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        var retries = new WebhookProperties.Retries(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 50);

        assertThat(retries.delayAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(retries.delayAfter(49)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMultiplierOfOneWaitsTheSameEveryTime() {
        var retries = new WebhookProperties.Retries(Duration.ofSeconds(30), 1.0, Duration.ofMinutes(5), 3);

        assertThat(retries.delayAfter(1)).isEqualTo(retries.delayAfter(2)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void nonsensicalSettingsAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new WebhookProperties.Retries(Duration.ZERO, 2.0, Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties.Retries(Duration.ofSeconds(10), 0.5, Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties.Retries(Duration.ofHours(2), 2.0, Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties.Retries(Duration.ofSeconds(10), 2.0, Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
