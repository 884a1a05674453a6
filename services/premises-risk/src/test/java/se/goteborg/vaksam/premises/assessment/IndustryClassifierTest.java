package se.goteborg.vaksam.premises.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndustryClassifierTest {

    private final IndustryClassifier classifier =
            new IndustryClassifier(new PremisesProperties(List.of("96.04", "96.09", "96.022"), Duration.ofDays(30),
                    Duration.ofDays(90), 3, Duration.ofSeconds(2)));

    @ParameterizedTest(name = "{0}: {1}, risk {2}")
    @CsvSource({
            "96.040, Body care and massage, true",
            "96.04, Body care and massage, true",
            "96.090, Other personal services, true",
            "96.022, Beauty care, true",
            "96.021, Hairdressing, false",
            "56.100, Restaurant, false",
            "56.290, Food and beverage service, false",
            "01.110, SNI 01.110, false"})
    void namesTheIndustryByItsMostSpecificPrefix(String code, String category, boolean risk) {
        assertThat(classifier.category(code)).contains(category);
        assertThat(classifier.isRiskIndustry(code)).isEqualTo(risk);
    }
}
