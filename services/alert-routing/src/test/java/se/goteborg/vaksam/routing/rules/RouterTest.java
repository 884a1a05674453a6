package se.goteborg.vaksam.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.routing.tips.RoutingProperties;

/**
 * The routing table of DESIGN.md, row by row and in the combinations that matter, against the rules file the
 * service ships. Expected decisions are written as {@code RECIPIENT:PRIORITY[REASON,...]}, in recipient order.
 */
class RouterTest {

    /** The file the service loads unless told otherwise. */
    static final String SHIPPED = RoutingProperties.DEFAULT_RULES.replace("classpath:", "");

    static RoutingRules rules;
    static Router router;

    @BeforeAll
    static void loadShippedRules() throws Exception {
        try (InputStream file = RouterTest.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            rules = RoutingRulesLoader.load(SHIPPED, file);
            router = new Router(rules);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                     | minor  | danger | type     | indicators                            | city-let | tips | expected
            suspected minor                            | YES    | false  | SEXUAL   |                                       | false    | 1    | POLICE:IMMEDIATE[SUSPECTED_MINOR] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR]
            unsure whether a minor counts as a minor   | UNSURE | false  | UNKNOWN  |                                       | false    | 1    | POLICE:IMMEDIATE[SUSPECTED_MINOR] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR]
            unsure minor with control indicators       | UNSURE | false  | UNKNOWN  | COMPANION_CONTROLS                    | false    | 1    | POLICE:IMMEDIATE[SUSPECTED_MINOR] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR]
            minor, sexual, control: never Mika         | YES    | false  | SEXUAL   | COMPANION_CONTROLS NO_OWN_ID_OR_MONEY | false    | 1    | POLICE:IMMEDIATE[SUSPECTED_MINOR] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR]
            immediate danger                           | NO     | true   | UNKNOWN  |                                       | false    | 1    | POLICE:IMMEDIATE[IMMEDIATE_DANGER]
            adult sexual with a control indicator      | NO     | false  | SEXUAL   | BOOKER_NOT_OCCUPANT                   | false    | 1    | POLICE:HIGH[SEXUAL_EXPLOITATION,CONTROL_INDICATORS] MIKAMOTTAGNINGEN:HIGH[SEXUAL_EXPLOITATION,CONTROL_INDICATORS] REGION_COORDINATORS:HIGH[SEXUAL_EXPLOITATION,CONTROL_INDICATORS]
            adult sexual, taxi control indicators      | NO     | false  | SEXUAL   | COMPANION_CONTROLS NO_OWN_ID_OR_MONEY | false    | 1    | POLICE:HIGH[SEXUAL_EXPLOITATION,CONTROL_INDICATORS] MIKAMOTTAGNINGEN:HIGH[SEXUAL_EXPLOITATION,CONTROL_INDICATORS] REGION_COORDINATORS:HIGH[SEXUAL_EXPLOITATION,CONTROL_INDICATORS]
            adult sexual without control indicators    | NO     | false  | SEXUAL   | CONDOMS_LUBRICANT_CASH STREAM_OF_MEN  | false    | 1    | POLICE:NORMAL[SEXUAL_EXPLOITATION] MIKAMOTTAGNINGEN:NORMAL[SEXUAL_EXPLOITATION]
            adult sexual, no indicators at all         | NO     | false  | SEXUAL   |                                       | false    | 1    | POLICE:NORMAL[SEXUAL_EXPLOITATION] MIKAMOTTAGNINGEN:NORMAL[SEXUAL_EXPLOITATION]
            labour                                     | NO     | false  | LABOUR   |                                       | false    | 1    | POLICE:HIGH[LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION] REGION_COORDINATORS:HIGH[LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION]
            begging                                    | NO     | false  | BEGGING  |                                       | false    | 1    | POLICE:HIGH[LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION] REGION_COORDINATORS:HIGH[LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION]
            criminal                                   | NO     | false  | CRIMINAL | FEARFUL_OR_DRUGGED                    | false    | 1    | POLICE:HIGH[LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION] REGION_COORDINATORS:HIGH[LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION]
            labour involving a minor                   | YES    | false  | LABOUR   |                                       | false    | 1    | POLICE:IMMEDIATE[SUSPECTED_MINOR,LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR] REGION_COORDINATORS:HIGH[LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION]
            adult unknown with a control indicator     | NO     | false  | UNKNOWN  | NO_ID_OR_LUGGAGE                      | false    | 1    | POLICE:HIGH[CONTROL_INDICATORS] REGION_COORDINATORS:HIGH[CONTROL_INDICATORS]
            adult unknown without control: triage      | NO     | false  | UNKNOWN  | SHORT_OR_HOURLY_STAY                  | false    | 1    | POLICE:NORMAL[TRIAGE]
            city-let alone still goes to triage        | NO     | false  | UNKNOWN  |                                       | true     | 1    | POLICE:NORMAL[TRIAGE] LETTINGS_GROUP:NORMAL[CITY_LET_PREMISES]
            city-let premises with adult sexual        | NO     | false  | SEXUAL   |                                       | true     | 1    | POLICE:NORMAL[SEXUAL_EXPLOITATION] MIKAMOTTAGNINGEN:NORMAL[SEXUAL_EXPLOITATION] LETTINGS_GROUP:NORMAL[CITY_LET_PREMISES]
            minor + control + city-let + danger        | YES    | true   | SEXUAL   | LOOKOUTS_IN_CORRIDOR COMPANION_CONTROLS | true   | 1    | POLICE:IMMEDIATE[SUSPECTED_MINOR,IMMEDIATE_DANGER] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR] LETTINGS_GROUP:NORMAL[CITY_LET_PREMISES]
            adult sexual + control + danger + city-let | NO     | true   | SEXUAL   | SOMEONE_SPEAKS_FOR_PERSON             | true     | 1    | POLICE:IMMEDIATE[IMMEDIATE_DANGER,SEXUAL_EXPLOITATION,CONTROL_INDICATORS] MIKAMOTTAGNINGEN:HIGH[SEXUAL_EXPLOITATION,CONTROL_INDICATORS] REGION_COORDINATORS:HIGH[SEXUAL_EXPLOITATION,CONTROL_INDICATORS] LETTINGS_GROUP:NORMAL[CITY_LET_PREMISES]
            repeat raises NORMAL to HIGH               | NO     | false  | SEXUAL   |                                       | true     | 3    | POLICE:HIGH[SEXUAL_EXPLOITATION,REPEAT_PREMISES] MIKAMOTTAGNINGEN:HIGH[SEXUAL_EXPLOITATION,REPEAT_PREMISES] LETTINGS_GROUP:HIGH[CITY_LET_PREMISES,REPEAT_PREMISES]
            repeat raises HIGH to IMMEDIATE            | NO     | false  | SEXUAL   | PAID_OR_BOOKED_BY_OTHER               | false    | 4    | POLICE:IMMEDIATE[SEXUAL_EXPLOITATION,CONTROL_INDICATORS,REPEAT_PREMISES] MIKAMOTTAGNINGEN:IMMEDIATE[SEXUAL_EXPLOITATION,CONTROL_INDICATORS,REPEAT_PREMISES] REGION_COORDINATORS:IMMEDIATE[SEXUAL_EXPLOITATION,CONTROL_INDICATORS,REPEAT_PREMISES]
            repeat keeps IMMEDIATE                     | YES    | false  | UNKNOWN  |                                       | true     | 5    | POLICE:IMMEDIATE[SUSPECTED_MINOR,REPEAT_PREMISES] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR,REPEAT_PREMISES] LETTINGS_GROUP:HIGH[CITY_LET_PREMISES,REPEAT_PREMISES]
            repeat raises triage                       | NO     | false  | UNKNOWN  |                                       | false    | 3    | POLICE:HIGH[TRIAGE,REPEAT_PREMISES]
            two tips are not a repeat                  | NO     | false  | UNKNOWN  |                                       | false    | 2    | POLICE:NORMAL[TRIAGE]
            taxi: a minor without guardian, "adult"    | NO     | false  | UNKNOWN  | MINOR_WITHOUT_GUARDIAN                | false    | 1    | POLICE:IMMEDIATE[MINOR_INDICATOR] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[MINOR_INDICATOR]
            child items, adult sexual                  | NO     | false  | SEXUAL   | CHILD_ITEMS_NO_CHILD_REGISTERED       | false    | 1    | POLICE:IMMEDIATE[MINOR_INDICATOR,SEXUAL_EXPLOITATION] MIKAMOTTAGNINGEN:NORMAL[SEXUAL_EXPLOITATION] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[MINOR_INDICATOR]
            minor answer and minor indicator           | YES    | false  | SEXUAL   | MINOR_WITHOUT_GUARDIAN COMPANION_CONTROLS | false | 1    | POLICE:IMMEDIATE[SUSPECTED_MINOR,MINOR_INDICATOR] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR,MINOR_INDICATOR]
            minor indicator at a repeat city-let       | UNSURE | true   | LABOUR   | CHILD_ITEMS_NO_CHILD_REGISTERED       | true     | 3    | POLICE:IMMEDIATE[SUSPECTED_MINOR,MINOR_INDICATOR,IMMEDIATE_DANGER,LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION,REPEAT_PREMISES] SOCIAL_SERVICES_CHILDREN:IMMEDIATE[SUSPECTED_MINOR,MINOR_INDICATOR,REPEAT_PREMISES] REGION_COORDINATORS:IMMEDIATE[LABOUR_BEGGING_OR_CRIMINAL_EXPLOITATION,REPEAT_PREMISES] LETTINGS_GROUP:HIGH[CITY_LET_PREMISES,REPEAT_PREMISES]
            """)
    void routesByTheTable(String name, SuspectedMinor minor, boolean danger, ExploitationType type, String indicators,
                          boolean cityLet, int tips, String expected) {
        var facts = new RoutingFacts(minor, danger, type, indicators(indicators), cityLet, tips);

        assertThat(describe(router.route(facts))).isEqualTo(expected);
    }

    @Test
    void marksRepeatDecisionsSoTheirAlertsAreLinked() {
        var facts = new RoutingFacts(SuspectedMinor.NO, false, ExploitationType.SEXUAL, Set.of(), true, 3);

        assertThat(router.route(facts)).allMatch(AlertDecision::repeated);
        assertThat(router.route(new RoutingFacts(SuspectedMinor.NO, false, ExploitationType.SEXUAL, Set.of(), true, 2)))
                .noneMatch(AlertDecision::repeated);
    }

    /** Walks every kind of tip the rules can tell apart, at every repeat count that matters. */
    @Test
    void everyTipHasARecipientEachRecipientOneAlertAndChildrenAlwaysReachSocialServicesAtOnce() {
        List<RoutingFacts> space = FactSpace.of(rules);
        // 60 answers (minor, danger, type, city-let) times 4: with or without a control and a minor indicator.
        assertThat(space).hasSize(240);
        for (RoutingFacts kind : space) {
            for (int tips = 1; tips <= 4; tips++) {
                var facts = new RoutingFacts(kind.suspectedMinor(), kind.immediateDanger(), kind.exploitationType(),
                        kind.indicators(), kind.cityLetPremises(), tips);
                List<AlertDecision> decisions = router.route(facts);

                assertThat(decisions).as("%s", facts)
                        .filteredOn(d -> d.recipient() != Recipient.LETTINGS_GROUP).isNotEmpty();
                assertThat(decisions).as("%s", facts).extracting(AlertDecision::recipient).doesNotHaveDuplicates();
                assertThat(decisions.stream().anyMatch(d -> d.recipient() == Recipient.LETTINGS_GROUP))
                        .as("%s", facts).isEqualTo(facts.cityLetPremises());
                assertThat(decisions).as("%s", facts).allMatch(d -> !d.reasons().isEmpty());
                boolean signOfAChild = facts.suspectedMinor() != SuspectedMinor.NO
                        || facts.indicators().contains("MINOR_WITHOUT_GUARDIAN")
                        || facts.indicators().contains("CHILD_ITEMS_NO_CHILD_REGISTERED");
                if (signOfAChild) {
                    assertThat(decisions).as("%s", facts)
                            .filteredOn(d -> d.recipient() == Recipient.SOCIAL_SERVICES_CHILDREN
                                    || d.recipient() == Recipient.POLICE)
                            .hasSize(2)
                            .allMatch(d -> d.priority() == Priority.IMMEDIATE);
                }
                if (facts.suspectedMinor() != SuspectedMinor.NO) {
                    assertThat(decisions).as("%s", facts).extracting(AlertDecision::recipient)
                            .doesNotContain(Recipient.MIKAMOTTAGNINGEN);
                }
                if (facts.immediateDanger()) {
                    assertThat(decisions).as("%s", facts)
                            .anyMatch(d -> d.recipient() == Recipient.POLICE && d.priority() == Priority.IMMEDIATE);
                }
            }
        }
    }

    @Test
    void recordsTheRulesVersion() {
        assertThat(router.rulesVersion()).isEqualTo("v2");
    }

    @Test
    void priorityStepsUpToImmediate() {
        assertThat(Router.raised(Priority.NORMAL)).isEqualTo(Priority.HIGH);
        assertThat(Router.raised(Priority.HIGH)).isEqualTo(Priority.IMMEDIATE);
        assertThat(Router.raised(Priority.IMMEDIATE)).isEqualTo(Priority.IMMEDIATE);
        assertThat(Router.higher(Priority.NORMAL, Priority.HIGH)).isEqualTo(Priority.HIGH);
    }

    private static Set<String> indicators(String spaced) {
        return spaced == null ? Set.of() : Set.copyOf(Arrays.asList(spaced.trim().split("\\s+")));
    }

    private static String describe(List<AlertDecision> decisions) {
        return decisions.stream()
                .map(d -> d.recipient() + ":" + d.priority() + "[" + String.join(",", d.reasons()) + "]")
                .collect(Collectors.joining(" "));
    }
}
