package se.goteborg.vaksam.network.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.goteborg.vaksam.network.district.District;

/**
 * The geometry of the dashboard's and the report's charts, drawn by the templates as inline SVG (no script): bars
 * whose length is their count, the districts as tiles of a schematic map. A count shown as {@code "< 3"} is drawn as
 * an outlined bar as long as 3, so its length gives away no more than its text does. The templates put the same
 * figures in a table beside each chart.
 */
final class Charts {

    static final int WIDTH = 640;
    /** Horizontal bars: a label line above each bar, so long labels need no room beside it. */
    static final int ROW = 44;
    static final int BAR = 16;
    static final int VALUE_ROOM = 96;
    /** Vertical bars (a series over time): the plot's height and the room for the labels under it. */
    static final int PLOT = 200;
    static final int AXIS = 40;
    static final int MOST_AXIS_LABELS = 13;
    /** Room at either end of a series for the labels centred under its first and last bars. */
    static final int MARGIN = 20;
    private static final Pattern WEEK_OR_MONTH = Pattern.compile("(\\d{4})-W?(\\d{2})");

    private Charts() {
    }

    /**
     * One thing a chart counts.
     *
     * @param label its label, in the page's language
     * @param value what the bar's length shows
     * @param shown the value as it is written ({@code "< 3"} for a suppressed count)
     * @param kind  a CSS class telling bars of different kinds apart (besides their labels)
     */
    record Item(String label, long value, String shown, boolean suppressed, String kind) {

        /** A count as a bar; a suppressed one keeps no value, so no template can show more than "< 3". */
        static Item counted(String label, Count count, String kind) {
            return new Item(label, count.suppressed() ? 0 : count.value(), String.valueOf(count.shown()),
                    count.suppressed(), kind);
        }
    }

    /**
     * A bar placed in the chart's coordinates, and where its label and its value are written.
     *
     * @param axis     under a standing bar, the short label of its week or month ({@code 23}, {@code 06})
     * @param axisYear under that, the year, where a new one begins
     */
    record Bar(Item item, int x, int y, int width, int height, int labelX, int labelY, int valueX, int valueY,
               boolean labelled, String axis, String axisYear) {
    }

    /** @param vertical whether the bars stand (a series over time) rather than lie (a breakdown) */
    record Chart(String id, int width, int height, List<Bar> bars, boolean empty, boolean vertical) {

        public List<Item> items() {
            return bars.stream().map(Bar::item).toList();
        }
    }

    static Chart horizontal(String id, List<Item> items) {
        double scale = (WIDTH - VALUE_ROOM) / (double) most(items);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int top = i * ROW;
            int length = length(item, scale);
            bars.add(new Bar(item, 0, top + 20, length, BAR, 0, top + 14, length + 6, top + 33, true, null, null));
        }
        return new Chart(id, WIDTH, Math.max(ROW, items.size() * ROW), bars, isEmpty(items), false);
    }

    static Chart vertical(String id, List<Item> items) {
        double scale = PLOT / (double) most(items);
        int slot = items.isEmpty() ? WIDTH : (WIDTH - 2 * MARGIN) / items.size();
        int gap = Math.max(1, slot / 5);
        int every = (int) Math.ceil(items.size() / (double) MOST_AXIS_LABELS);
        List<Bar> bars = new ArrayList<>();
        String year = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            int height = length(item, scale);
            int x = MARGIN + i * slot + gap / 2;
            Matcher period = WEEK_OR_MONTH.matcher(item.label());
            boolean dated = period.matches();
            boolean labelled = i % every == 0;
            String newYear = dated && labelled && !period.group(1).equals(year) ? period.group(1) : null;
            if (newYear != null) {
                year = newYear;
            }
            bars.add(new Bar(item, x, 16 + PLOT - height, slot - gap, height, x + (slot - gap) / 2, 16 + PLOT + 18,
                    x + (slot - gap) / 2, 16 + PLOT - height - 4, labelled, dated ? period.group(2) : item.label(),
                    newYear));
        }
        return new Chart(id, WIDTH, 16 + PLOT + AXIS, bars, isEmpty(items), true);
    }

    private static final int TILE_WIDTH = WIDTH / 2;
    private static final int TILE_HEIGHT = 120;
    private static final List<District> MAP_ORDER = List.of(District.HISINGEN, District.NORDOST, District.SYDVAST,
            District.CENTRUM, District.OUTSIDE_CITY, District.UNKNOWN);

    /**
     * A tile of the schematic district map: {@code level} 0 (none) to 4 (the most) shades it; its name and count are
     * written at {@code name} and {@code count} (at the right end, {@code countAtEnd}, on the low tiles of a line).
     */
    record Tile(String district, Count count, int x, int y, int width, int height, int level, int nameX, int nameY,
                int countX, int countY, boolean countAtEnd) {
    }

    record TileMap(List<Tile> tiles, int width, int height) {
    }

    /**
     * The four city areas as tiles roughly where they lie (Hisingen north-west across the river, Nordost north-east,
     * Sydväst south-west, Centrum between them to the south-east), then, lower, the tips outside the city and those
     * without a usable postal code.
     */
    static TileMap districtMap(Map<String, Count> byDistrict) {
        long most = byDistrict.values().stream().filter(count -> !count.suppressed()).mapToLong(Count::value).max()
                .orElse(0);
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < MAP_ORDER.size(); i++) {
            Count count = byDistrict.getOrDefault(MAP_ORDER.get(i).name(), Count.of(0));
            boolean city = i < 4;
            int x = (i % 2) * TILE_WIDTH + 4;
            int y = city ? (i / 2) * TILE_HEIGHT + 4 : 2 * TILE_HEIGHT + 4;
            int width = TILE_WIDTH - 8;
            int height = city ? TILE_HEIGHT - 8 : TILE_HEIGHT / 2;
            tiles.add(city
                    ? new Tile(MAP_ORDER.get(i).name(), count, x, y, width, height, level(count, most), x + 14, y + 28,
                            x + 14, y + 72, false)
                    : new Tile(MAP_ORDER.get(i).name(), count, x, y, width, height, level(count, most), x + 14, y + 38,
                            x + width - 14, y + 40, true));
        }
        return new TileMap(tiles, WIDTH, 2 * TILE_HEIGHT + TILE_HEIGHT / 2 + 8);
    }

    private static int level(Count count, long most) {
        if (count.value() == 0 && !count.suppressed()) {
            return 0;
        }
        if (count.suppressed() || most == 0) {
            return 1;
        }
        return 1 + (int) Math.min(3, 4 * count.value() / (most + 1));
    }

    private static long most(List<Item> items) {
        long most = Count.SMALLEST_SHOWN;
        for (Item item : items) {
            most = Math.max(most, item.suppressed() ? Count.SMALLEST_SHOWN : item.value());
        }
        return most;
    }

    private static int length(Item item, double scale) {
        long value = item.suppressed() ? Count.SMALLEST_SHOWN : item.value();
        return value == 0 ? 0 : Math.max(2, (int) Math.round(value * scale));
    }

    private static boolean isEmpty(List<Item> items) {
        return items.stream().allMatch(item -> item.value() == 0 && !item.suppressed());
    }
}
