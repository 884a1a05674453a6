package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrgNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "556000-0001, 556000-0001",
            "5560000001, 556000-0001",
            " 556000 0001 , 556000-0001",
            "165560000001, 556000-0001",
            "5561000018, 556100-0018"})
    void acceptsAndNormalisesValidNumbers(String input, String expected) {
        assertThat(OrgNumbers.normalise(input)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"556000-0002", "55600000", "556000-00011", "ABCDEF-GHIJ", "995560000001"})
    void rejectsInvalidNumbers(String input) {
        assertThat(OrgNumbers.normalise(input)).isEmpty();
    }
}
