package se.goteborg.vaksam.premises.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;
import se.goteborg.vaksam.premises.assessment.RiskRules.Risk;

class RiskRulesTest {

    private final RiskRules rules = new RiskRules(3);

    @ParameterizedTest(name = "{0}, risk industry {1}, {2} in 30 d, {3} in 90 d -> {4} {5}")
    @CsvSource(delimiter = ';', value = {
            // match;  risk industry; 30 d; 90 d; level; reasons
            "NONE;     false; 1; 1; LOW;      ",
            "NONE;     false; 2; 2; LOW;      ",
            "EXACT;    false; 1; 1; LOW;      CITY_LET",
            "EXACT;    true;  1; 1; ELEVATED; CITY_LET RISK_INDUSTRY",
            "PROBABLE; true;  1; 1; ELEVATED; CITY_LET PROBABLE_MATCH RISK_INDUSTRY",
            "PROBABLE; false; 2; 2; LOW;      CITY_LET PROBABLE_MATCH",
            "EXACT;    true;  2; 2; ELEVATED; CITY_LET RISK_INDUSTRY",
            // The threshold counts this tip too: three tips make a repeat.
            "NONE;     false; 3; 3; ELEVATED; REPEAT_TIPS_30_DAYS REPEAT_TIPS_90_DAYS",
            "NONE;     false; 1; 3; ELEVATED; REPEAT_TIPS_90_DAYS",
            "EXACT;    false; 3; 4; ELEVATED; CITY_LET REPEAT_TIPS_30_DAYS REPEAT_TIPS_90_DAYS",
            "EXACT;    true;  3; 3; HIGH;     CITY_LET RISK_INDUSTRY REPEAT_TIPS_30_DAYS REPEAT_TIPS_90_DAYS",
            "EXACT;    true;  2; 5; HIGH;     CITY_LET RISK_INDUSTRY REPEAT_TIPS_90_DAYS",
            "PROBABLE; true;  3; 3; HIGH;     CITY_LET PROBABLE_MATCH RISK_INDUSTRY REPEAT_TIPS_30_DAYS REPEAT_TIPS_90_DAYS",
            // A risk-industry tenant only counts for premises the city lets.
            "NONE;     true;  1; 1; LOW;      ",
    })
    void theLevelAndItsReasons(MatchLevel match, boolean riskIndustry, int tips30, int tips90, RiskLevel level,
                               String reasons) {
        Risk risk = rules.assess(match, riskIndustry, tips30, tips90, false);

        assertThat(risk.level()).isEqualTo(level);
        assertThat(risk.reasons()).containsExactlyElementsOf(reasons == null ? List.of()
                : Arrays.asList(reasons.trim().split(" ")));
    }

    @Test
    void anAssessmentWithoutTheRegisterSaysSo() {
        Risk risk = rules.assess(MatchLevel.NONE, false, 3, 3, true);

        assertThat(risk.level()).isEqualTo(RiskLevel.ELEVATED);
        assertThat(risk.reasons()).containsExactly("REPEAT_TIPS_30_DAYS", "REPEAT_TIPS_90_DAYS",
                "REGISTER_UNAVAILABLE");
    }

    @Test
    void theThresholdIsConfigurable() {
        RiskRules strict = new RiskRules(5);

        assertThat(strict.assess(MatchLevel.EXACT, true, 4, 4, false).level()).isEqualTo(RiskLevel.ELEVATED);
        assertThat(strict.assess(MatchLevel.EXACT, true, 4, 5, false).level()).isEqualTo(RiskLevel.HIGH);
        assertThatThrownBy(() -> new RiskRules(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
