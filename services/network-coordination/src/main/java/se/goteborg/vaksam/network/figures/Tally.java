package se.goteborg.vaksam.network.figures;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

/**
 * Counts by dimension and code ({@code channel} → {@code HOTEL} → 12): what one day of tips or alerts adds up to,
 * and what days merge into. Dimensions and codes are codes only (see {@link Codes}), so they are safe as field names
 * when a day's tally is stored.
 */
final class Tally {

    /** The code of a dimension that has one count only, such as the number of tips. */
    static final String ALL = "all";

    private final Map<String, Map<String, Long>> counts = new TreeMap<>();

    static Tally merged(Collection<Tally> tallies) {
        Tally sum = new Tally();
        tallies.forEach(sum::add);
        return sum;
    }

    void add(String dimension, String code, long n) {
        counts.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(code, n, Long::sum);
    }

    void add(String dimension, String code) {
        add(dimension, code, 1);
    }

    void add(Tally other) {
        other.counts.forEach((dimension, codes) -> codes.forEach((code, n) -> add(dimension, code, n)));
    }

    long get(String dimension, String code) {
        return counts.getOrDefault(dimension, Map.of()).getOrDefault(code, 0L);
    }

    long get(String dimension) {
        return get(dimension, ALL);
    }

    /** The counts of one dimension by code, in code order; empty when none. */
    Map<String, Long> dimension(String dimension) {
        return Collections.unmodifiableMap(counts.getOrDefault(dimension, new TreeMap<>()));
    }

    Document toDocument() {
        Document document = new Document();
        counts.forEach((dimension, codes) -> document.append(dimension, new Document(Map.copyOf(codes))));
        return document;
    }

    static Tally of(Document document) {
        Tally tally = new Tally();
        if (document != null) {
            document.forEach((dimension, codes) -> ((Document) codes).forEach((code, n) ->
                    tally.add(dimension, code, ((Number) n).longValue())));
        }
        return tally;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tally tally && counts.equals(tally.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
