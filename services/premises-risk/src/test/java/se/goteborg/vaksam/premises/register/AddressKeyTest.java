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
            "Kungsgatan 12;SE-411 19;kungsgatan 12|41119",
            "Kungsgatan 12, 411 19 Göteborg;NULL;kungsgatan 12|41119",
            "Kungsgatan 12, SE-411 19 Göteborg;NULL;kungsgatan 12|41119",
            "Kungsgatan 12, Göteborg;411 19;kungsgatan 12|41119",
            "Kungsgatan 12;NULL;kungsgatan 12|",
            "Kungsgatan 12 A;411 19;kungsgatan 12a|41119",
            "Kungsgatan 12a lgh 1102;411 19;kungsgatan 12a|41119",
            "Kungsgatan 12, 2 tr;411 19;kungsgatan 12|41119",
            "Kungsg. 12;411 19;kungsgatan 12|41119",
            "Andra Långgatan 20;413 27;andra långgatan 20|41327",
            "2:a Långgatan 20;413 27;andra långgatan 20|41327",
            "St. Eriksgatan 5-7;411 05;sankt eriksgatan 5-7|41105",
            "S:t Eriksgatan 5 - 7;411 05;sankt eriksgatan 5-7|41105",
            "V. Hamngatan 3;411 17;västra hamngatan 3|41117",
            "Redbergsv. 8;416 65;redbergsvägen 8|41665",
            "Järntorget;413 04;järntorget|41304",
            "Kungsportsavenyen 7;411 36;kungsportsavenyen 7|41136",
            "Avenyn 7;411 36;kungsportsavenyen 7|41136",
            "AVENYN 7, 411 36 Göteborg;NULL;kungsportsavenyen 7|41136",
            "Kungsports Avenyn 7;411 36;kungsportsavenyen 7|41136",
            "Avenynsgatan 7;411 36;avenynsgatan 7|41136",
            "Stampgatan 1, entré B;411 01;stampgatan 1|41101"})
    void normalisesStreetAndPostalCode(String street, String postalCode, String key) {
        assertThat(AddressKey.of(street, postalCode)).contains(key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {"NULL;411 19", " ;411 19", "...;411 19",
            "411 19 Göteborg;NULL", "12;411 19"})
    void hasNoKeyWithoutAStreet(String street, String postalCode) {
        assertThat(AddressKey.of(street, postalCode)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Avenyn 8;411 36", "Kungsgatan 12;411 20", "Kungsgatan 121;411 19",
            "Kungsgatan 12B;411 19", "Linnegatan 44;413 08", "Kungsgatan 1;411 19"})
    void differentAddressesHaveDifferentKeys(String street, String postalCode) {
        assertThat(AddressKey.of(street, postalCode)).isNotEqualTo(AddressKey.of("Kungsgatan 12", "411 19"))
                .isNotEqualTo(AddressKey.of("Kungsportsavenyen 7", "411 36"))
                .isNotEqualTo(AddressKey.of("Linnégatan 44", "413 08"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"Linnégatan 44", "Linne\u0301gatan 44", "LINNÉGATAN 44"})
    void composedAndDecomposedLettersGiveTheSameKey(String street) {
        assertThat(AddressKey.of(street, "413 08")).contains("linnégatan 44|41308");
    }
}
