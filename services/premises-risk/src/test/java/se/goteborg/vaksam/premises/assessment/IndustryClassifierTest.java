package se.goteborg.vaksam.premises.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.goteborg.vaksam.premises.register.RegisterEntry;

class IndustryClassifierTest {

    /** The defaults of application.yml and {@link PremisesProperties}. */
    static final List<String> KEYWORDS = List.of("*massage*", "spa", "dayspa", "relax", "wellness", "kroppsvård*",
            "body care", "bodycare", "tantra*", "erotik*", "erotic*", "escort*", "sensual*", "sensuell*");

    private final IndustryClassifier classifier = classifier(List.of("96.04", "96.09", "96.022"), KEYWORDS);

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

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource(nullValues = "-", value = {
            "Lotus Massage & Spa AB, 96.040, SNI 96.04",
            "Linné Hälsostudio AB, 96.090, SNI 96.09",
            "Järntorgets Nagelstudio AB, 96.022, SNI 96.022",
            "Thaimassage Göteborg AB, 93.130, keyword massage",
            "MASSAGESALONG ORKIDÉ HB, -, keyword massage",
            "Klassisk massage i Majorna AB, 96.021, keyword massage",
            "Relax Spa AB, 93.130, keyword spa",
            "Östra Spa-huset AB, 96.021, keyword spa",
            "Wellness Center Hisingen AB, 93.130, keyword wellness",
            "Kroppsvårdsstudion AB, 86.909, keyword kroppsvård",
            "KROPPSVARD I VASASTAN AB, -, keyword kroppsvård",
            "Frölunda Body Care AB, 47.750, keyword body care",
            "Tantrastudion AB, -, keyword tantra",
            "Sensuella Händer HB, 96.090, SNI 96.09",
            "Sensuella Händer HB, 85.520, keyword sensuell",
            "Spara & Låna Ekonomi AB, 69.201, -",
            "Spårvägens Kiosk AB, 47.260, -",
            "Spannmålsgatans Bageri AB, 10.710, -",
            "Relaxa Möbler AB, 47.590, -",
            "Bodyshop Göteborg AB, 47.750, -",
            "Hälsans Tandvård AB, 86.230, -",
            "Thai Kitchen Göteborg AB, 56.100, -",
            "Massa Bygg AB, 43.320, -",
            "Kroppens Fysioterapi AB, 86.950, -"})
    void flagsARiskIndustryByCodeOrByAKeywordInTheTenantName(String tenant, String code, String reason) {
        RegisterEntry premises = premises(tenant, code);

        assertThat(classifier.riskReason(premises)).isEqualTo(Optional.ofNullable(reason));
        assertThat(classifier.isRiskIndustry(premises)).isEqualTo(reason != null);
    }

    @Test
    void vacantPremisesAreNoRiskIndustry() {
        assertThat(classifier.isRiskIndustry(premises(null, null))).isFalse();
    }

    @Test
    void keywordsAreConfigurable() {
        var custom = classifier(List.of("96.04"), List.of("Nagel*", " ", "*"));

        assertThat(custom.riskReason(premises("Järntorgets Nagelstudio AB", "96.022"))).contains("keyword Nagel");
        assertThat(custom.isRiskIndustry(premises("Thaimassage AB", "93.130"))).as("defaults replaced").isFalse();
        assertThat(custom.isRiskIndustry(premises("Kiosk AB", "47.260"))).as("blank keywords ignored").isFalse();
    }

    private static RegisterEntry premises(String tenant, String code) {
        return new RegisterEntry("P-1", "Heden 1:1", "Stampgatan 1", "411 01", "Göteborg", "Higab AB",
                tenant == null ? null : "559900-0014", tenant, code, tenant == null ? null : LocalDate.of(2024, 1, 1),
                null);
    }

    private static IndustryClassifier classifier(List<String> codes, List<String> keywords) {
        return new IndustryClassifier(new PremisesProperties(codes, keywords, Duration.ofDays(30), Duration.ofDays(90),
                3, Duration.ofSeconds(2)));
    }
}
