package se.goteborg.vaksam.premises.assessment;

import java.util.Optional;

import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.premises.register.PremisesMatch;

/**
 * What the premises history counts by. Matched premises are counted by their register id, so spelling variants of
 * one city-let address ("Kungsgatan 12", "Kungsg. 12, 41119 Gbg") are one premises; anything else by its normalised
 * address.
 *
 * @param value      the premises id or the address key, as published in {@code premisesKey}
 * @param registered whether {@code value} is a premises id
 */
record PremisesKey(String value, boolean registered) {

    /** Empty when the tip named no address to count by. */
    static Optional<PremisesKey> of(PremisesMatch match) {
        if (match.level() != MatchLevel.NONE && match.premises() != null) {
            return Optional.of(new PremisesKey(match.premises().premisesId(), true));
        }
        return Optional.ofNullable(match.addressKey()).map(key -> new PremisesKey(key, false));
    }

    /** The history document's id: the kind keeps a premises id and an address key from ever meeting. */
    String documentId() {
        return (registered ? "premises:" : "address:") + value;
    }
}
