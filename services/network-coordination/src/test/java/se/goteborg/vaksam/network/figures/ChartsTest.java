package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.network.figures.Charts.Bar;
import se.goteborg.vaksam.network.figures.Charts.Chart;
import se.goteborg.vaksam.network.figures.Charts.Item;
import se.goteborg.vaksam.network.figures.Charts.Tile;

class ChartsTest {

    @Test
    void aSuppressedCountIsDrawnAsLongAsThreeAndKeepsNoValue() {
        Chart chart = Charts.horizontal("channel", List.of(Item.counted("Hotel", Count.of(1), "channel"),
                Item.counted("Taxi", Count.of(2), "channel"), Item.counted("Three", Count.of(3), "channel"),
                Item.counted("None", Count.of(0), "channel")));

        List<Bar> bars = chart.bars();
        assertThat(bars.get(0).width()).isEqualTo(bars.get(1).width()).isEqualTo(bars.get(2).width());
        assertThat(bars.get(0).item().value()).isZero();
        assertThat(bars.get(0).item().shown()).isEqualTo("< 3");
        assertThat(bars.get(3).width()).isZero();
        assertThat(bars.get(2).width()).isEqualTo(Charts.WIDTH - Charts.VALUE_ROOM);
        assertThat(chart.height()).isEqualTo(4 * Charts.ROW);
        assertThat(chart.empty()).isFalse();
        assertThat(Charts.horizontal("none", List.of(Item.counted("None", Count.of(0), "x"))).empty()).isTrue();
    }

    @Test
    void aLongSeriesLabelsEveryFewBarsAndScalesToTheHighest() {
        List<Item> weeks = new ArrayList<>();
        for (int week = 1; week <= 52; week++) {
            weeks.add(Item.counted("2026-W" + week, Count.of(week), "whole"));
        }

        Chart chart = Charts.vertical("tips-over-time", weeks);

        assertThat(chart.vertical()).isTrue();
        assertThat(chart.bars().stream().filter(Bar::labelled).count()).isEqualTo(13);
        Bar highest = chart.bars().get(51);
        assertThat(highest.height()).isEqualTo(Charts.PLOT);
        assertThat(highest.y() + highest.height()).isEqualTo(chart.bars().get(0).y() + chart.bars().get(0).height());
    }

    @Test
    void theDistrictMapShadesTilesByCountAndMarksHiddenOnesLightest() {
        Map<String, Count> byDistrict = new LinkedHashMap<>();
        byDistrict.put("CENTRUM", Count.of(40));
        byDistrict.put("NORDOST", Count.of(12));
        byDistrict.put("SYDVAST", Count.of(0));
        byDistrict.put("HISINGEN", Count.of(2));

        List<Tile> tiles = Charts.districtMap(byDistrict).tiles();

        assertThat(tiles).extracting(Tile::district).containsExactly("HISINGEN", "NORDOST", "SYDVAST", "CENTRUM",
                "OUTSIDE_CITY", "UNKNOWN");
        assertThat(tiles).extracting(Tile::level).containsExactly(1, 2, 0, 4, 0, 0);
    }
}
