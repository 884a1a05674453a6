package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountTest {

    @Test
    void oneAndTwoAreShownAsFewerThanThree() {
        assertThat(Count.of(0).shown()).isEqualTo(0);
        assertThat(Count.of(1).shown()).isEqualTo("< 3");
        assertThat(Count.of(2).shown()).isEqualTo("< 3");
        assertThat(Count.of(3).shown()).isEqualTo(3);
        assertThat(Count.of(120).toString()).isEqualTo("120");
    }

    @Test
    void everyCellOfABreakdownOfOneOrTwoIsHiddenZerosToo() {
        assertThat(Count.inGroupOf(0, 2).shown()).as("a zero would tell what the two tips were not").isEqualTo("< 3");
        assertThat(Count.inGroupOf(2, 2).shown()).isEqualTo("< 3");
        assertThat(Count.inGroupOf(0, 0).shown()).isEqualTo(0);
        assertThat(Count.inGroupOf(0, 3).shown()).isEqualTo(0);
        assertThat(Count.inGroupOf(1, 3).shown()).isEqualTo("< 3");
        assertThat(Count.inGroupOf(3, 3).shown()).isEqualTo(3);
    }
}
