package se.goteborg.vaksam.inbox.alert;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.platform.sealing.Opener;
import se.goteborg.vaksam.platform.sealing.SealingException;
import se.goteborg.vaksam.platform.sealing.TipsterSealer;

/**
 * Seals and opens follow-up texts. A question goes to the tipster sealed to the tipster key (bound to tip and
 * message), which the inbox cannot open, so the inbox keeps its own copy sealed to its own key; answers arrive sealed
 * to the inbox key by tip-intake, bound to the tip.
 */
@Component
class FollowUpSealing {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSealing.class);

    private final TipsterSealer tipster;
    private final Opener inbox;

    FollowUpSealing(TipsterSealer tipster, Opener inbox) {
        this.tipster = tipster;
        this.inbox = inbox;
    }

    /** A question sealed for the tipster, and the inbox's own copy. */
    record SealedQuestion(byte[] forTipster, byte[] forInbox) {
    }

    SealedQuestion seal(String text, String tipId, String messageId) {
        byte[] plaintext = text.getBytes(StandardCharsets.UTF_8);
        return new SealedQuestion(tipster.seal(plaintext, tipId, messageId), inbox.sealer().seal(plaintext, tipId));
    }

    /** Empty when the text cannot be opened; the reason is logged without any content. */
    Optional<String> open(FollowUps.Stored message, String tipId) {
        if (message.sealedText() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(inbox.open(message.sealedText(), tipId), StandardCharsets.UTF_8));
        } catch (SealingException e) {
            log.warn("Follow-up message {} cannot be opened: wrong key, wrong tip or altered", message.messageId());
            return Optional.empty();
        }
    }
}
