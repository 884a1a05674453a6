package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.network.bulletin.BulletinProperties.Retries;

class BulletinPropertiesTest {

    private static final Retries DEFAULT = new Retries(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(30), 8);

    @Test
    void theWaitDoublesAfterEachFailureUpToTheLongest() {
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(DEFAULT::delayAfter))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                        Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(30), Duration.ofMinutes(30));
        assertThat(DEFAULT.exhaustedAfter(7)).isFalse();
        assertThat(DEFAULT.exhaustedAfter(8)).isTrue();
    }

    @Test
    void aMultiplierOfOneWaitsTheSameEachTime() {
        Retries even = new Retries(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10), 3);
        assertThat(even.delayAfter(1)).isEqualTo(even.delayAfter(3)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void nonsenseRetriesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new Retries(Duration.ZERO, 2.0, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retries(Duration.ofMinutes(1), 0.5, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retries(Duration.ofMinutes(2), 2.0, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Retries(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSenderIsAnAddressWithAnOptionalNameInAnyLanguage() {
        BulletinProperties properties = properties("Göteborg & Co – Vaksam <natverket@goteborgco.example>", "");
        assertThat(properties.fromAddress().getAddress()).isEqualTo("natverket@goteborgco.example");
        assertThat(properties.fromAddress().getPersonal()).isEqualTo("Göteborg & Co – Vaksam");
        assertThat(properties.replyToAddress()).isNull();
        assertThat(properties("vaksam@goteborgco.example", "svar@goteborgco.example").replyToAddress().getAddress())
                .isEqualTo("svar@goteborgco.example");

        assertThatThrownBy(() -> properties(null, null)).hasMessageContaining("from must be set");
        assertThatThrownBy(() -> properties("not an address", null)).hasMessageContaining("from must be an e-mail");
        assertThatThrownBy(() -> properties("a@b.example", "x y z")).hasMessageContaining("reply-to");
    }

    private static BulletinProperties properties(String from, String replyTo) {
        return new BulletinProperties(from, replyTo, Duration.ofSeconds(10), Duration.ofSeconds(30), 4, DEFAULT);
    }
}
