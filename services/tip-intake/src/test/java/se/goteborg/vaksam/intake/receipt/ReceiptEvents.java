package se.goteborg.vaksam.intake.receipt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.intake.IntakeTestSupport;
import se.goteborg.vaksam.platform.sealing.TipsterSealer;

/** Puts a recipient's question on a tip's receipt the way the question listener does, sealed to the tipster key. */
public final class ReceiptEvents {

    private ReceiptEvents() {
    }

    public static void question(MongoDatabase database, String tipId, String questionId, String text, Instant sentAt) {
        byte[] sealed = TipsterSealer.fromPublicKeyset(IntakeTestSupport.TIPSTER_KEYS.publicKeyset())
                .seal(text.getBytes(StandardCharsets.UTF_8), tipId, questionId);
        Boolean stored = new ReceiptRepository(database)
                .recordMessage(tipId, questionId, ReceiptMessages.question("alert-1", "POLICE", sealed, sentAt))
                .block();
        if (!Boolean.TRUE.equals(stored)) {
            throw new IllegalStateException("No tip " + tipId);
        }
    }
}
