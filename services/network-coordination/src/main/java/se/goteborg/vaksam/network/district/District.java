package se.goteborg.vaksam.network.district;

import java.util.Locale;
import java.util.Optional;

/**
 * The parts of the city the network's figures are counted by: Göteborg's four city areas (stadsområden), places
 * outside the city, and tips or members without a usable postal code. Coarse on purpose: a finer split would leave
 * most cells below the smallest count shown. The codes are stable; the pages translate them.
 */
public enum District {
    CENTRUM, NORDOST, SYDVAST, HISINGEN, OUTSIDE_CITY, UNKNOWN;

    /** The district with this code, ignoring case ("Centrum" is CENTRUM). */
    public static Optional<District> ofCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
