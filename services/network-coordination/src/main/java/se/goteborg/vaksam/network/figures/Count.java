package se.goteborg.vaksam.network.figures;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A count as the figures show it: 1 and 2 are shown as {@code "< 3"}, so that no figure can single out a tip, a
 * member or a person; 0 and 3 upwards as they are.
 */
record Count(int value) {

    static final int SMALLEST_SHOWN = 3;
    static final String SUPPRESSED = "< 3";

    boolean suppressed() {
        return value > 0 && value < SMALLEST_SHOWN;
    }

    @JsonValue
    Object shown() {
        return suppressed() ? SUPPRESSED : value;
    }

    @Override
    public String toString() {
        return String.valueOf(shown());
    }
}
