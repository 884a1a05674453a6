package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.platform.events.Backoff;

class BulletinPropertiesTest {

    private static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(1), 2.0, Duration.ofMinutes(30), 8);

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
