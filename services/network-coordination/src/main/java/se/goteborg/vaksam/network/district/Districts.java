package se.goteborg.vaksam.network.district;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Which district a Swedish postal code lies in, by the longest prefix listed in {@code district/postal-areas.csv}
 * ({@code prefix,DISTRICT}). Göteborg's postal areas do not follow the city areas' borders exactly, so the table is
 * an approximation kept as data, to be corrected without a code change; any other valid postal code is outside the
 * city, and anything that is not a postal code is UNKNOWN.
 */
public final class Districts {

    private static final Districts DEFAULT = load(new ClassPathResource("district/postal-areas.csv"));

    /** Three digits, an optional space, two digits, standing apart from other digits ("413 27", "SE-41327"). */
    private static final Pattern POSTAL_CODE_IN_LINE = Pattern.compile("(?<!\\d)([1-9]\\d{2}) ?(\\d{2})(?!\\d)");

    private final Map<String, District> byPrefix;

    Districts(Map<String, District> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    /** The table that ships with the service. */
    public static Districts standard() {
        return DEFAULT;
    }

    /** The district of a postal code written in any of the usual ways ("411 19", "41119", "SE-411 19"). */
    public District of(String postalCode) {
        String digits = digits(postalCode);
        if (digits == null) {
            return District.UNKNOWN;
        }
        for (int length = digits.length(); length > 0; length--) {
            District district = byPrefix.get(digits.substring(0, length));
            if (district != null) {
                return district;
            }
        }
        return District.OUTSIDE_CITY;
    }

    /**
     * The district of the postal code, or when there is none, of the last postal code written inside the address line
     * (a taxi stop's one line, "Första Långgatan 20, 413 27 Göteborg").
     */
    public District of(String postalCode, String addressLine) {
        if (digits(postalCode) != null || addressLine == null) {
            return of(postalCode);
        }
        Matcher inLine = POSTAL_CODE_IN_LINE.matcher(addressLine);
        String last = null;
        while (inLine.find()) {
            last = inLine.group(1) + inLine.group(2);
        }
        return of(last);
    }

    private static String digits(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        String compact = postalCode.strip().toUpperCase(Locale.ROOT).replaceFirst("^SE-?", "")
                .replace(" ", "");
        return compact.matches("[1-9]\\d{4}") ? compact : null;
    }

    static Districts load(Resource resource) {
        Map<String, District> byPrefix = new TreeMap<>();
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            for (int index = 0; index < lines.length; index++) {
                int lineNumber = index + 1;
                String row = lines[index].strip();
                if (row.isEmpty() || row.startsWith("#") || row.equals("prefix,district")) {
                    continue;
                }
                String[] cells = row.split(",");
                if (cells.length != 2 || !cells[0].strip().matches("\\d{1,5}")) {
                    throw new IllegalStateException(resource + " line " + lineNumber + ": expected prefix,DISTRICT");
                }
                District district = District.ofCode(cells[1]).orElseThrow(() -> new IllegalStateException(
                        resource + " line " + lineNumber + ": no district " + cells[1].strip()));
                if (byPrefix.put(cells[0].strip(), district) != null) {
                    throw new IllegalStateException(resource + " line " + lineNumber + ": prefix listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Districts(byPrefix);
    }
}
