package se.goteborg.vaksam.intake.receipt;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A follow-up message on a receipt: a recipient's {@code QUESTION} or the tipster's {@code ANSWER} to one (then
 * {@code questionId} names it). {@code text} is {@code null} only when the sealed text cannot be opened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptMessage(String messageId, String direction, String questionId, String text, Instant sentAt) {

    @Override
    public String toString() {
        return "ReceiptMessage[messageId=" + messageId + ", direction=" + direction + ", questionId=" + questionId
                + ", text=(sealed content), sentAt=" + sentAt + "]";
    }
}
