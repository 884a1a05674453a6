package se.goteborg.vaksam.inbox.audit;

import java.time.Instant;
import java.util.List;

import se.goteborg.vaksam.events.common.Recipient;

/**
 * One opening of sealed content, as the audit log keeps it: who (the token's subject: a person's user name or a
 * system's client id), for which organisation, when, which alert of which tip, why if they said, and what was opened.
 * Never the content itself.
 */
public record Opening(String openingId, String alertId, String tipId, Recipient recipient, String subject,
                      Instant openedAt, String reason, List<Opened> opened, List<String> messageIds,
                      List<String> noteIds) {

    /** What an opening opened. */
    public enum Opened {
        /** The tip's sealed details (description, reporter's contact) as far as the recipient may see them. */
        DETAILS,
        /** Follow-up questions and the tipster's answers. */
        MESSAGES,
        /** The organisation's internal notes. */
        NOTES
    }

    public Opening {
        opened = List.copyOf(opened);
        messageIds = List.copyOf(messageIds);
        noteIds = List.copyOf(noteIds);
    }
}
