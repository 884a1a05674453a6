package se.goteborg.vaksam.premises.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressKeyTest {

    @ParameterizedTest(name = "[{0}] [{1}] -> {2}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "Kungsgatan 12;411 19;kungsgatan 12|41119",
            "  KUNGSGATAN   12 ;41119;kungsgatan 12|41119",
            "Kungsgatan 12.;S-411 19;kungsgatan 12|41119",
            "Kungsgatan 12, 411 19 Göteborg;NULL;kungsgatan 12|41119",
            "Kungsgatan 12, Göteborg;411 19;kungsgatan 12|41119",
            "Kungsgatan 12;NULL;kungsgatan 12|",
            "Andra Långgatan 20;413 27;andra långgatan 20|41327",
            "St. Eriksgatan 5-7;411 05;st eriksgatan 5 7|41105",
            "Kungsportsavenyen 7;411 36;kungsportsavenyen 7|41136",
            "Avenyn 7;411 36;kungsportsavenyen 7|41136",
            "AVENYN 7, 411 36 Göteborg;NULL;kungsportsavenyen 7|41136",
            "Kungsports Avenyn 7;411 36;kungsportsavenyen 7|41136",
            "Avenynsgatan 7;411 36;avenynsgatan 7|41136"})
    void normalisesStreetAndPostalCode(String street, String postalCode, String key) {
        assertThat(AddressKey.of(street, postalCode)).contains(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {"NULL;411 19", " ;411 19", "...;411 19"})
    void hasNoKeyWithoutAStreet(String street, String postalCode) {
        assertThat(AddressKey.of(street, postalCode)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Avenyn 8;411 36", "Kungsgatan 12;411 20", "Kungsgatan 121;411 19"})
    void differentAddressesHaveDifferentKeys(String street, String postalCode) {
        assertThat(AddressKey.of(street, postalCode)).isNotEqualTo(AddressKey.of("Kungsgatan 12", "411 19"))
                .isNotEqualTo(AddressKey.of("Kungsportsavenyen 7", "411 36"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Linnégatan 44", "Linne\u0301gatan 44"})
    void composedAndDecomposedLettersGiveTheSameKey(String street) {
        assertThat(AddressKey.of(street, "413 08")).contains("linnégatan 44|41308");
    }
}
