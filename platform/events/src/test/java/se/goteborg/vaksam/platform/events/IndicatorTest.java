package se.goteborg.vaksam.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.common.Channel;

class IndicatorTest {

    @Test
    void theCatalogueHasEveryCodeOfDesignOnItsChannel() {
        assertThat(Arrays.stream(Indicator.values()).filter(i -> i.channel() == Channel.HOTEL)).hasSize(13 + 8);
        assertThat(Arrays.stream(Indicator.values()).filter(i -> i.channel() == Channel.TAXI)).hasSize(10);
        assertThat(Indicator.byCode("LOOKOUTS_IN_CORRIDOR")).contains(Indicator.LOOKOUTS_IN_CORRIDOR);
        assertThat(Indicator.byCode("MINOR_WITHOUT_GUARDIAN").orElseThrow().channel()).isEqualTo(Channel.TAXI);
        assertThat(Indicator.byCode("lookouts_in_corridor")).isEmpty();
        assertThat(Indicator.byCode(null)).isEmpty();
    }
}
