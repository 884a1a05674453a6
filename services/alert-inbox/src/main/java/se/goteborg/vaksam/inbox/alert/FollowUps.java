package se.goteborg.vaksam.inbox.alert;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;

import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.events.followup.FollowUpMessage;

/**
 * Follow-up messages as an alert document keeps them under {@value #FIELD}: per message id its direction, the
 * question an answer answers, when it was sent, and the text sealed to the inbox's own key (questions as the recipient
 * wrote them, answers as the tipster sealed them), so the store holds no readable text.
 */
final class FollowUps {

    static final String FIELD = "messages";
    static final String DIRECTION = "direction";
    static final String QUESTION_ID = "questionId";
    static final String SEALED_TEXT = "sealedText";
    static final String SENT_AT = "sentAt";

    private FollowUps() {
    }

    /** A stored message with its id. */
    record Stored(String messageId, Direction direction, String questionId, byte[] sealedText, Instant sentAt) {
    }

    static FollowUpMessage question(Alert alert, String messageId, byte[] sealedForTipster, Instant at) {
        return FollowUpMessage.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setMessageId(messageId)
                .setTipId(alert.tipId())
                .setAlertId(alert.alertId())
                .setRecipient(alert.recipient())
                .setDirection(Direction.QUESTION)
                .setSealedText(ByteBuffer.wrap(sealedForTipster))
                .setSentAt(at)
                .build();
    }

    static Document document(Direction direction, String questionId, byte[] sealedText, Instant sentAt) {
        return new Document(DIRECTION, direction.name())
                .append(QUESTION_ID, questionId)
                .append(SEALED_TEXT, new Binary(sealedText))
                .append(SENT_AT, Date.from(sentAt));
    }

    /** The answer as it arrived: its text stays sealed as the tipster sealed it to the inbox. */
    static Document answer(FollowUpMessage event) {
        ByteBuffer copy = event.getSealedText().duplicate();
        byte[] sealed = new byte[copy.remaining()];
        copy.get(sealed);
        return document(Direction.ANSWER, null, sealed, event.getSentAt());
    }

    /** The alert's messages, oldest first. */
    static List<Stored> of(Document alert) {
        Document messages = alert == null ? null : alert.get(FIELD, Document.class);
        if (messages == null) {
            return List.of();
        }
        return messages.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Document)
                .map(entry -> stored(entry.getKey(), (Document) entry.getValue()))
                .sorted(Comparator.comparing(Stored::sentAt).thenComparing(Stored::messageId))
                .toList();
    }

    /**
     * Whether a message id from another service's event may name a field of the alert document: a dot or a leading
     * dollar would address another field.
     */
    static boolean isStorableId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 100 && id.indexOf('.') < 0 && !id.startsWith("$")
                && id.chars().noneMatch(Character::isISOControl);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Stored stored(String messageId, Document d) {
        Binary sealed = d.get(SEALED_TEXT, Binary.class);
        Date sentAt = d.getDate(SENT_AT);
        return new Stored(messageId, Direction.valueOf(d.getString(DIRECTION)), d.getString(QUESTION_ID),
                sealed == null ? null : sealed.getData(), sentAt == null ? Instant.EPOCH : sentAt.toInstant());
    }
}
