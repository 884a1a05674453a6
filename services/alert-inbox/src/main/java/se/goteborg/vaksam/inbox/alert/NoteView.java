package se.goteborg.vaksam.inbox.alert;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An internal note in an alert's detail, seen only by the organisation holding the alert. {@code text} is left out
 * when it cannot be opened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NoteView(String noteId, String text, String author, Instant writtenAt) {

    @Override
    public String toString() {
        return "NoteView[noteId=" + noteId + ", text=(sealed content)]";
    }
}
