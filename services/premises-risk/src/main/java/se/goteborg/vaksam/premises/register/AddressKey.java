package se.goteborg.vaksam.premises.register;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalised form of an address that tips and register rows are matched on: street in lower case without
 * punctuation and with single spaces, then the postal code's digits, as {@code kungsgatan 12|41119}. The city is
 * left out because reporters often omit or vary it ("Göteborg", "Gothenburg", "GBG") while the postal code already
 * places the street. Street names that Göteborg knows by a short name ("Avenyn") are written out, so both spellings
 * give the same key.
 */
public final class AddressKey {

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_DIGITS = Pattern.compile("\\D+");
    // A postal code written into the street line: "Kungsgatan 12, 411 19 Göteborg".
    private static final Pattern POSTAL_CODE = Pattern.compile("(?<!\\d)(\\d{3}\\s?\\d{2})(?!\\d)");

    private static final Map<String, String> STREET_ALIASES = Map.of(
            "avenyn", "kungsportsavenyen",
            "kungsports avenyn", "kungsportsavenyen");

    private AddressKey() {
    }

    /** The key, or empty when there is no street to match on. */
    public static Optional<String> of(String streetAddress, String postalCode) {
        if (streetAddress == null || streetAddress.isBlank()) {
            return Optional.empty();
        }
        String street = streetAddress;
        String postal = postalCode;
        int comma = streetAddress.indexOf(',');
        if (comma >= 0) {
            street = streetAddress.substring(0, comma);
            if (postal == null || postal.isBlank()) {
                Matcher inRest = POSTAL_CODE.matcher(streetAddress.substring(comma + 1));
                postal = inRest.find() ? inRest.group(1) : null;
            }
        }
        String normalisedStreet = withoutAlias(normaliseText(street));
        if (normalisedStreet.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(normalisedStreet + "|" + digits(postal));
    }

    static String normaliseText(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return SPACES.matcher(PUNCTUATION.matcher(composed).replaceAll(" ")).replaceAll(" ").trim();
    }

    private static String withoutAlias(String street) {
        for (Map.Entry<String, String> alias : STREET_ALIASES.entrySet()) {
            if (street.equals(alias.getKey()) || street.startsWith(alias.getKey() + " ")) {
                return alias.getValue() + street.substring(alias.getKey().length());
            }
        }
        return street;
    }

    static String digits(String text) {
        return text == null ? "" : NON_DIGITS.matcher(text).replaceAll("");
    }
}
