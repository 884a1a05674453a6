package se.goteborg.vaksam.inbox.webhook;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import se.goteborg.vaksam.platform.sealing.Opener;

/**
 * Webhook secrets rest sealed to the inbox's own key, bound to their webhook, so a copy of the store (or a secret
 * moved onto another webhook's document) signs nothing; they are opened only for the moment of signing.
 */
@Component
class WebhookSecrets {

    private final Opener opener;

    WebhookSecrets(Opener opener) {
        this.opener = opener;
    }

    /** A new secret for the webhook, in plain text to show once, and sealed to store. */
    record Issued(String secret, byte[] sealed) {

        @Override
        public String toString() {
            return "Issued[(secret)]";
        }
    }

    Issued issue(String webhookId) {
        String secret = WebhookSignature.newSecret();
        return new Issued(secret, opener.sealer().seal(secret.getBytes(StandardCharsets.US_ASCII), context(webhookId)));
    }

    /** @throws se.goteborg.vaksam.platform.sealing.SealingException when it was sealed for another webhook or key */
    String open(String webhookId, byte[] sealed) {
        return new String(opener.open(sealed, context(webhookId)), StandardCharsets.US_ASCII);
    }

    private static String context(String webhookId) {
        return "webhook-secret:" + webhookId;
    }
}
