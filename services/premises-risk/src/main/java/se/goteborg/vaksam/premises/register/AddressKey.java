package se.goteborg.vaksam.premises.register;

import java.util.Optional;

/**
 * The normalised form of an address that tips about the same premises share, whichever channel they came by:
 * the canonical street and house number, then the postal code's digits, as {@code kungsgatan 12a|41119}. The city
 * is left out because reporters often omit or vary it ("Göteborg", "Gothenburg", "GBG") while the postal code
 * already places the street. How the street is written canonically is {@link SwedishAddress}'s business.
 */
public final class AddressKey {

    private AddressKey() {
    }

    /** The key, or empty when there is no street to match on. */
    public static Optional<String> of(String streetAddress, String postalCode) {
        return SwedishAddress.parse(streetAddress, postalCode, null).map(SwedishAddress::key);
    }
}
