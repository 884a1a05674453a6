package se.goteborg.vaksam.inbox.alert;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import se.goteborg.vaksam.events.common.Recipient;

/**
 * Which of a tip's sealed details each recipient's role needs, so none gets more personal data than that. The
 * police and social services for children may have to hear the reporter as a witness, so they see how to reach them;
 * Mikamottagningen's outreach and the regional coordinators act on what was seen and reach the reporter, if at all,
 * through follow-up questions on the receipt; the lettings group acts on premises and sees no details at all (its
 * alerts do not even keep them).
 */
final class DetailsPolicy {

    /** The sealed fields of a tip. */
    enum Field {
        DESCRIPTION, REPORTER_CONTACT
    }

    private static final Map<Recipient, Set<Field>> FIELDS = new EnumMap<>(Map.of(
            Recipient.POLICE, EnumSet.allOf(Field.class),
            Recipient.SOCIAL_SERVICES_CHILDREN, EnumSet.allOf(Field.class),
            Recipient.MIKAMOTTAGNINGEN, EnumSet.of(Field.DESCRIPTION),
            Recipient.REGION_COORDINATORS, EnumSet.of(Field.DESCRIPTION),
            Recipient.LETTINGS_GROUP, EnumSet.noneOf(Field.class)));

    private DetailsPolicy() {
    }

    static Set<Field> fields(Recipient recipient) {
        return Set.copyOf(FIELDS.get(recipient));
    }

    /** Whether an alert routed to this recipient may keep the tip's sealed details at all. */
    static boolean mayReceiveDetails(Recipient recipient) {
        return !FIELDS.get(recipient).isEmpty();
    }

    /** Whether this recipient may see the tipster's answers to follow-up questions, which are the tipster's words. */
    static boolean mayFollowUp(Recipient recipient) {
        return mayReceiveDetails(recipient);
    }

    /** The opened details with the fields this recipient's role does not need left out. */
    static DetailsOpener.Details visibleTo(Recipient recipient, DetailsOpener.Details opened) {
        Set<Field> fields = FIELDS.get(recipient);
        return new DetailsOpener.Details(fields.contains(Field.DESCRIPTION) ? opened.description() : null,
                fields.contains(Field.REPORTER_CONTACT) ? opened.reporterContact() : null);
    }
}
