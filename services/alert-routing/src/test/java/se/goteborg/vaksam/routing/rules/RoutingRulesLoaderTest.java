package se.goteborg.vaksam.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.routing.rules.RoutingRulesLoader.InvalidRoutingRules;
import se.goteborg.vaksam.routing.tips.RoutingProperties;

class RoutingRulesLoaderTest {

    @Test
    void loadsTheShippedRules() throws Exception {
        RoutingRules rules = shipped("routing-rules-v2.yaml");

        assertThat(rules.version()).isEqualTo("v2");
        assertThat(rules.controlIndicators()).hasSize(10).contains("COMPANION_CONTROLS", "BOOKER_NOT_OCCUPANT");
        assertThat(rules.rules()).extracting(Rule::id).containsExactly("suspected-minor", "minor-indicator",
                "immediate-danger", "adult-sexual-with-control", "adult-sexual-without-control",
                "labour-begging-criminal", "adult-unknown-with-control", "city-let-premises");
        assertThat(rules.rules().get(1).when().anyIndicator())
                .containsExactlyInAnyOrder("MINOR_WITHOUT_GUARDIAN", "CHILD_ITEMS_NO_CHILD_REGISTERED");
        assertThat(rules.repeatPremises().minTips()).isEqualTo(3);
        assertThat(rules.fallback().recipients()).containsExactly(Recipient.POLICE);
        assertThat(rules.fallback().priority()).isEqualTo(Priority.NORMAL);
        assertThat(RoutingProperties.DEFAULT_RULES).isEqualTo("classpath:routing-rules-v2.yaml");
    }

    /** Decisions recorded under an earlier version can still be explained by its file. */
    @Test
    void keepsEveryEarlierVersionLoadable() throws Exception {
        RoutingRules v1 = shipped("routing-rules-v1.yaml");

        assertThat(v1.version()).isEqualTo("v1");
        assertThat(v1.rules()).extracting(Rule::id).doesNotContain("minor-indicator").hasSize(7);
    }

    @Test
    void refusesIndicatorCodesOutsideTheCatalogue() {
        String yaml = """
                version: v9
                controlIndicators: [COMPANION_CONTROLS, COMPANION_CONTROL]
                rules:
                  - id: minor
                    when: { anyIndicator: [MINOR_WITHOUT_GUARDIAN, CHILD_WITHOUT_GUARDIAN] }
                    recipients: [SOCIAL_SERVICES_CHILDREN]
                    priority: IMMEDIATE
                    reasons: [MINOR_INDICATOR]
                repeatPremises: { minTips: 3, reason: REPEAT_PREMISES }
                fallback: { recipients: [POLICE], priority: NORMAL, reasons: [TRIAGE] }
                """;

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(InvalidRoutingRules.class, e -> assertThat(e.problems()).containsExactly(
                        "controlIndicators: COMPANION_CONTROL is not in the indicator catalogue",
                        "rules[0].when.anyIndicator: CHILD_WITHOUT_GUARDIAN is not in the indicator catalogue"));
    }

    @Test
    void refusesRulesNoTipCanMatch() {
        String yaml = """
                version: v9
                controlIndicators: [COMPANION_CONTROLS, FEARFUL_OR_DRUGGED]
                rules:
                  - id: reachable
                    when: { suspectedMinor: ["NO"], controlIndicator: false }
                    recipients: [POLICE]
                    priority: NORMAL
                    reasons: [TRIAGE]
                  - id: controlled-without-control
                    when: { anyIndicator: [COMPANION_CONTROLS, FEARFUL_OR_DRUGGED], controlIndicator: false }
                    recipients: [REGION_COORDINATORS]
                    priority: HIGH
                    reasons: [CONTROL_INDICATORS]
                repeatPremises: { minTips: 3, reason: REPEAT_PREMISES }
                fallback: { recipients: [POLICE], priority: NORMAL, reasons: [TRIAGE] }
                """;

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(InvalidRoutingRules.class, e -> assertThat(e.problems()).containsExactly(
                        "rules[1] (controlled-without-control): can never match; no tip meets all its conditions"));
    }

    @Test
    void namesEveryProblemByItsPlaceInTheFile() {
        String yaml = """
                version: v2
                controlIndicators: [COMPANION_CONTROLS]
                rules:
                  - id: minor
                    when: { suspectedMinor: [YES] }
                    recipients: [SOCIAL_SERVICES, POLICE]
                    priority: URGENT
                    reasons: [SUSPECTED_MINOR]
                  - id: minor
                    when: {}
                    recipients: [POLICE]
                    priority: HIGH
                    reasons: [lower case]
                    colour: red
                repeatPremises: { minTips: 1, reason: REPEAT_PREMISES }
                """;

        assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(InvalidRoutingRules.class, e -> assertThat(e.problems()).containsExactly(
                        "rules[0].when.suspectedMinor[0]: YAML reads unquoted yes/no as true/false; quote the value",
                        "rules[0].recipients[0]: SOCIAL_SERVICES is not one of [POLICE, MIKAMOTTAGNINGEN, "
                                + "SOCIAL_SERVICES_CHILDREN, REGION_COORDINATORS, LETTINGS_GROUP]",
                        "rules[0].priority: URGENT is not one of [IMMEDIATE, HIGH, NORMAL]",
                        "rules[1].colour: is not a known setting (known: additional, id, priority, reasons, "
                                + "recipients, when)",
                        "rules[1].when: must name at least one condition",
                        "rules[1].reasons[0]: lower case must be an upper-case code such as CONTROL_INDICATORS",
                        "rules[1].id: minor is used by an earlier rule",
                        "repeatPremises.minTips: must be a whole number of at least 2",
                        "fallback: is required"))
                .hasMessageStartingWith("Routing rules test.yaml are invalid:");
    }

    @Test
    void refusesAFileThatIsNotYaml() {
        assertThatThrownBy(() -> load("rules: [unclosed"))
                .isInstanceOf(InvalidRoutingRules.class)
                .hasMessageContaining("is not readable YAML");
    }

    private RoutingRules shipped(String file) throws Exception {
        try (var yaml = getClass().getClassLoader().getResourceAsStream(file)) {
            return RoutingRulesLoader.load(file, yaml);
        }
    }

    private static RoutingRules load(String yaml) {
        return RoutingRulesLoader.load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
