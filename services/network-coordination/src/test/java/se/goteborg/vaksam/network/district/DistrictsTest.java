package se.goteborg.vaksam.network.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;

class DistrictsTest {

    @ParameterizedTest
    @CsvSource({
            "411 19, CENTRUM", "41119, CENTRUM", "SE-413 27, CENTRUM", "se 414 63, CENTRUM",
            "415 21, NORDOST", "415 02, CENTRUM", "424 65, NORDOST", "417 56, HISINGEN", "422 46, HISINGEN",
            "421 30, SYDVAST", "430 84, SYDVAST", "430 31, OUTSIDE_CITY", "431 30, OUTSIDE_CITY",
            "111 22, OUTSIDE_CITY", "'', UNKNOWN", "4111, UNKNOWN", "011 22, UNKNOWN", "abcde, UNKNOWN"})
    void theLongestListedPrefixDecides(String postalCode, District expected) {
        assertThat(Districts.standard().of(postalCode)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Första Långgatan 20, 413 27 Göteborg | CENTRUM",
            "Nils Ericsonsplatsen 4, 41103 Göteborg | CENTRUM",
            "Angereds Torg 5, SE-424 65 Angered | NORDOST",
            "Frölunda Torg, Västra Frölunda | UNKNOWN",
            "Storgatan 12, 2 tr | UNKNOWN"})
    void aTaxiStopsPostalCodeIsFoundInItsLine(String line, District expected) {
        assertThat(Districts.standard().of(null, line)).isEqualTo(expected);
    }

    @Test
    void aPostalCodeOfItsOwnWinsOverTheLine() {
        assertThat(Districts.standard().of("417 56", "Första Långgatan 20, 413 27 Göteborg"))
                .isEqualTo(District.HISINGEN);
    }

    @Test
    void noPostalCodeIsUnknown() {
        assertThat(Districts.standard().of(null)).isEqualTo(District.UNKNOWN);
    }

    @Test
    void aBrokenTableStopsTheServiceNamingTheLine() {
        assertThatThrownBy(() -> Districts.load(table("prefix,district\n411,CENTRUM\n412,DOWNTOWN\n")))
                .hasMessageContaining("line 3").hasMessageContaining("DOWNTOWN");
        assertThatThrownBy(() -> Districts.load(table("411,CENTRUM\n411,NORDOST\n")))
                .hasMessageContaining("line 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> Districts.load(table("41a,CENTRUM\n"))).hasMessageContaining("line 1");
    }

    @Test
    void codesAreReadWhateverTheirCase() {
        assertThat(District.ofCode(" Centrum ")).contains(District.CENTRUM);
        assertThat(District.ofCode("Downtown")).isEmpty();
        assertThat(District.ofCode(null)).isEmpty();
    }

    private static ByteArrayResource table(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    }
}
