package se.goteborg.vaksam.inbox.alert;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.goteborg.vaksam.events.followup.Direction;

/**
 * A follow-up message in an alert's detail: the recipient's {@code QUESTION} or the tipster's {@code ANSWER} (then
 * {@code questionId} names the question). {@code text} is left out when the caller may not see it or it cannot be
 * opened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessageView(String messageId, Direction direction, String questionId, String text, Instant sentAt) {

    @Override
    public String toString() {
        return "MessageView[messageId=" + messageId + ", direction=" + direction + ", text=(sealed content)]";
    }
}
