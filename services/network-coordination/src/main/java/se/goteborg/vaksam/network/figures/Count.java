package se.goteborg.vaksam.network.figures;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A count as the figures show it: 1 and 2 are shown as {@code "< 3"}, so that no figure can single out a tip, a
 * member or a person; 0 and 3 upwards as they are. A count inside a breakdown of only one or two tips is shown as
 * {@code "< 3"} even when it is 0 ({@link #inGroupOf}): with so few tips a 0 would tell what they all were about.
 *
 * @param smallGroup whether the count is part of a breakdown whose total is 1 or 2
 */
record Count(int value, boolean smallGroup) {

    static final int SMALLEST_SHOWN = 3;
    static final String SUPPRESSED = "< 3";

    Count(int value) {
        this(value, false);
    }

    /** {@code value} as one cell of a breakdown of {@code total} (a period's tips by channel, district, ...). */
    static Count inGroupOf(long value, long total) {
        return new Count((int) value, isSmall(total));
    }

    static Count of(long value) {
        return new Count((int) value);
    }

    /** Whether a count of 1 or 2 would be hidden. */
    private static boolean isSmall(long value) {
        return value > 0 && value < SMALLEST_SHOWN;
    }

    public boolean suppressed() {
        return smallGroup || isSmall(value);
    }

    @JsonValue
    public Object shown() {
        return suppressed() ? SUPPRESSED : value;
    }

    @Override
    public String toString() {
        return String.valueOf(shown());
    }
}
