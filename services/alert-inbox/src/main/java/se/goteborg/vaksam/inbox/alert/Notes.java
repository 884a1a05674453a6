package se.goteborg.vaksam.inbox.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;

/**
 * The recipient organisation's internal notes on an alert, as its document keeps them under {@value #FIELD}: per
 * note id the text sealed to the inbox's own key, who wrote it and when. Only the organisation that holds the alert
 * ever sees them; nothing about them leaves the inbox.
 */
final class Notes {

    static final String FIELD = "notes";

    private Notes() {
    }

    record Stored(String noteId, byte[] sealedText, String author, Instant writtenAt) {
    }

    static Document document(byte[] sealedText, String author, Instant writtenAt) {
        return new Document("sealedText", new Binary(sealedText)).append("author", author)
                .append("writtenAt", Date.from(writtenAt));
    }

    /** The alert's notes, oldest first. */
    static List<Stored> of(Document alert) {
        Document notes = alert == null ? null : alert.get(FIELD, Document.class);
        if (notes == null) {
            return List.of();
        }
        return notes.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Document)
                .map(entry -> {
                    Document note = (Document) entry.getValue();
                    Binary sealed = note.get("sealedText", Binary.class);
                    return new Stored(entry.getKey(), sealed == null ? null : sealed.getData(), note.getString("author"),
                            note.getDate("writtenAt").toInstant());
                })
                .sorted(Comparator.comparing(Stored::writtenAt).thenComparing(Stored::noteId))
                .toList();
    }
}
