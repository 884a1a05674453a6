package se.goteborg.vaksam.intake.receipt;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;

import se.goteborg.vaksam.events.followup.Direction;

/**
 * Follow-up messages as the tip document keeps them under {@value ReceiptRepository#MESSAGES}: per message id its
 * direction, the alert and recipient it belongs to, the question an answer answers, and the text sealed for the
 * tipster (so the store holds no readable text).
 */
final class ReceiptMessages {

    static final String DIRECTION = "direction";
    static final String QUESTION = Direction.QUESTION.name();
    static final String ANSWER = Direction.ANSWER.name();
    static final String QUESTION_ID = "questionId";
    static final String ALERT_ID = "alertId";
    static final String RECIPIENT = "recipient";
    static final String SEALED_TEXT = "sealedText";
    static final String SENT_AT = "sentAt";

    private ReceiptMessages() {
    }

    /** A stored message with its id. */
    record Stored(String messageId, Document document) {

        String direction() {
            return document.getString(DIRECTION);
        }

        Instant sentAt() {
            Date sentAt = document.getDate(SENT_AT);
            return sentAt == null ? null : sentAt.toInstant();
        }

        byte[] sealedText() {
            Binary sealed = document.get(SEALED_TEXT, Binary.class);
            return sealed == null ? null : sealed.getData();
        }
    }

    static Document question(String alertId, String recipient, byte[] sealedText, Instant sentAt) {
        return new Document(DIRECTION, QUESTION)
                .append(ALERT_ID, alertId)
                .append(RECIPIENT, recipient)
                .append(SEALED_TEXT, new Binary(sealedText))
                .append(SENT_AT, Date.from(sentAt));
    }

    static Document answer(Stored question, byte[] sealedText, Instant sentAt) {
        return new Document(DIRECTION, ANSWER)
                .append(QUESTION_ID, question.messageId())
                .append(ALERT_ID, question.document().getString(ALERT_ID))
                .append(RECIPIENT, question.document().getString(RECIPIENT))
                .append(SEALED_TEXT, new Binary(sealedText))
                .append(SENT_AT, Date.from(sentAt));
    }

    /** The tip's messages, oldest first. */
    static List<Stored> of(Document tip) {
        Document messages = tip.get(ReceiptRepository.MESSAGES, Document.class);
        if (messages == null) {
            return List.of();
        }
        return messages.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Document)
                .map(entry -> new Stored(entry.getKey(), (Document) entry.getValue()))
                .sorted(Comparator.comparing(Stored::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Stored::messageId))
                .toList();
    }

    static Optional<Stored> question(Document tip, String questionId) {
        return of(tip).stream()
                .filter(message -> message.messageId().equals(questionId) && QUESTION.equals(message.direction()))
                .findFirst();
    }

    /**
     * Whether an id may name a field of the tip document: ids come from other services' events, and a dot or a
     * leading dollar would address another field.
     */
    static boolean isStorableId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 100 && id.indexOf('.') < 0 && !id.startsWith("$")
                && id.chars().noneMatch(Character::isISOControl);
    }
}
