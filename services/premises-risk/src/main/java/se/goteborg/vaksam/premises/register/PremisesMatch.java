package se.goteborg.vaksam.premises.register;

import java.util.Optional;

import se.goteborg.vaksam.events.premises.MatchLevel;

/**
 * How an address matched the lettings register.
 *
 * @param level      EXACT, PROBABLE or NONE; never EXACT unless the address is the same
 * @param confidence 1 for EXACT, in (0, 1) for PROBABLE, 0 for NONE
 * @param premises   the register row matched; null for NONE
 * @param addressKey the normalised address that was looked up; null when there was no address to match
 */
public record PremisesMatch(MatchLevel level, double confidence, RegisterEntry premises, String addressKey) {

    public static PremisesMatch none(String addressKey) {
        return new PremisesMatch(MatchLevel.NONE, 0, null, addressKey);
    }

    public Optional<RegisterEntry> found() {
        return Optional.ofNullable(premises);
    }
}
