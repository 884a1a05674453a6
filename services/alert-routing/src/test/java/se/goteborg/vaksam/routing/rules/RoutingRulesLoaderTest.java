package se.goteborg.vaksam.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.routing.rules.RoutingRulesLoader.InvalidRoutingRules;

class RoutingRulesLoaderTest {

    @Test
    void loadsTheShippedRules() throws Exception {
        try (var yaml = getClass().getClassLoader().getResourceAsStream("routing-rules-v1.yaml")) {
            RoutingRules rules = RoutingRulesLoader.load("routing-rules-v1.yaml", yaml);

            assertThat(rules.version()).isEqualTo("v1");
            assertThat(rules.controlIndicators()).hasSize(10).contains("COMPANION_CONTROLS", "BOOKER_NOT_OCCUPANT");
            assertThat(rules.rules()).extracting(Rule::id).containsExactly("suspected-minor", "immediate-danger",
                    "adult-sexual-with-control", "adult-sexual-without-control", "labour-begging-criminal",
                    "adult-unknown-with-control", "city-let-premises");
            assertThat(rules.repeatPremises().minTips()).isEqualTo(3);
            assertThat(rules.fallback().recipients()).containsExactly(Recipient.POLICE);
            assertThat(rules.fallback().priority()).isEqualTo(Priority.NORMAL);
        }
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

    private static RoutingRules load(String yaml) {
        return RoutingRulesLoader.load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
