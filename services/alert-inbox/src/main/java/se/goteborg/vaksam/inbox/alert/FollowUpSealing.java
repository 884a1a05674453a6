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
 * Seals and opens the texts the inbox keeps. A question goes to the tipster sealed to the tipster key (bound to tip
 * and message), which the inbox cannot open, so the inbox keeps its own copy sealed to its own key; answers arrive
 * sealed to the inbox key by tip-intake, bound to the tip; internal notes are sealed to the inbox's own key too.
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

    /** A text only the inbox will open, such as an internal note. */
    byte[] sealOwn(String text, String tipId) {
        return inbox.sealer().seal(text.getBytes(StandardCharsets.UTF_8), tipId);
    }

    /** Empty when the text cannot be opened; the reason is logged with the text's id, without any content. */
    Optional<String> open(byte[] sealed, String tipId, String textId) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(inbox.open(sealed, tipId), StandardCharsets.UTF_8));
        } catch (SealingException e) {
            log.warn("Sealed text {} cannot be opened: wrong key, wrong tip or altered", textId);
            return Optional.empty();
        }
    }
}
