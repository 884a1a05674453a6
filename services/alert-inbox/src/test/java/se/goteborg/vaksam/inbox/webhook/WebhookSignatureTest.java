package se.goteborg.vaksam.inbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheTimestampAndTheBodyWithTheSecretsText() {
        // The expected value is what `openssl dgst -sha256 -hmac <secret>` gives for "<t>.<body>", as a receiver
        // following the README would compute it.
        String header = WebhookSignature.header("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA", 1767225600L,
                "{\"eventId\":\"e-1\",\"type\":\"ping\"}");

        assertThat(header)
                .isEqualTo("t=1767225600,v1=f40cce6f785c6121f3e04769c902fc2d55482a3e17d9d32ed38bcccdea0589e3");
    }

    @Test
    void anotherTimestampBodyOrSecretGivesAnotherSignature() {
        String body = "{\"eventId\":\"e-1\"}";
        String signature = WebhookSignature.header("secret-a", 100, body).split(",v1=")[1];

        assertThat(WebhookSignature.header("secret-a", 101, body)).doesNotContain(signature);
        assertThat(WebhookSignature.header("secret-a", 100, body + " ")).doesNotContain(signature);
        assertThat(WebhookSignature.header("secret-b", 100, body)).doesNotContain(signature);
    }

    @Test
    void secretsAre32RandomBytesInBase64Url() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSignature.newSecret();
            assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }
}
