package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void daysMergeAndAStoredTallyReadsBackTheSame() {
        Tally monday = new Tally();
        monday.add("tips", Tally.ALL, 2);
        monday.add("channel", "HOTEL", 2);
        Tally tuesday = new Tally();
        tuesday.add("tips", Tally.ALL);
        tuesday.add("channel", "TAXI");

        Tally week = Tally.merged(List.of(monday, tuesday));

        assertThat(week.get("tips")).isEqualTo(3);
        assertThat(week.dimension("channel")).containsExactly(Map.entry("HOTEL", 2L), Map.entry("TAXI", 1L));
        assertThat(week.get("district", "CENTRUM")).isZero();
        assertThat(week.dimension("district")).isEmpty();
        assertThat(Tally.of(week.toDocument())).isEqualTo(week);
        assertThat(monday.get("tips")).as("merging leaves the days as they were").isEqualTo(2);
    }
}
