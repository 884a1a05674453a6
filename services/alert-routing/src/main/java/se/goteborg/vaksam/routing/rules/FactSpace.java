package se.goteborg.vaksam.routing.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.platform.events.Indicator;

/**
 * Every kind of tip a set of rules can tell apart: each answer about a minor, danger and exploitation type, premises
 * let by the city or not, and every combination of the indicator groups the rules name (their control indicators and
 * each rule's {@code anyIndicator}), with one catalogue code standing for each combination of groups a code belongs
 * to. Indicators in no group, and repeat counts, change no rule's match. Small enough to walk whole, so a rule that
 * can never match is found at start-up, not after a tip was misrouted.
 */
public final class FactSpace {

    /** 2^16 indicator combinations times 120 answers still loads in well under a second. */
    private static final int MAX_INDICATOR_CLASSES = 16;

    private FactSpace() {
    }

    public static List<RoutingFacts> of(RoutingRules rules) {
        List<Set<String>> combinations = indicatorCombinations(rules);
        List<RoutingFacts> facts = new ArrayList<>();
        for (SuspectedMinor minor : SuspectedMinor.values()) {
            for (boolean danger : new boolean[] {false, true}) {
                for (ExploitationType type : ExploitationType.values()) {
                    for (boolean cityLet : new boolean[] {false, true}) {
                        for (Set<String> indicators : combinations) {
                            facts.add(new RoutingFacts(minor, danger, type, indicators, cityLet, 1));
                        }
                    }
                }
            }
        }
        return facts;
    }

    /** A problem for every rule that no tip can match, by its place in the file. */
    static List<String> unreachable(RoutingRules rules) {
        if (indicatorClasses(rules).size() > MAX_INDICATOR_CLASSES) {
            return List.of("rules: the indicator groups the rules name split the catalogue into more than "
                    + MAX_INDICATOR_CLASSES + " classes, too many to check every combination");
        }
        List<RoutingFacts> space = of(rules);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            Rule rule = rules.rules().get(i);
            if (space.stream().noneMatch(facts -> rule.when().matches(facts, rules.controlIndicators()))) {
                problems.add("rules[" + i + "] (" + rule.id() + "): can never match; no tip meets all its conditions");
            }
        }
        return problems;
    }

    private static List<Set<String>> indicatorCombinations(RoutingRules rules) {
        List<String> classes = List.copyOf(indicatorClasses(rules).values());
        List<Set<String>> combinations = new ArrayList<>();
        for (int mask = 0; mask < 1 << classes.size(); mask++) {
            Set<String> indicators = new LinkedHashSet<>();
            for (int bit = 0; bit < classes.size(); bit++) {
                if ((mask & 1 << bit) != 0) {
                    indicators.add(classes.get(bit));
                }
            }
            combinations.add(Set.copyOf(indicators));
        }
        return combinations;
    }

    /** One code for each combination of groups that some catalogue code belongs to, keyed by that combination. */
    private static Map<Set<Integer>, String> indicatorClasses(RoutingRules rules) {
        List<Set<String>> groups = new ArrayList<>();
        groups.add(rules.controlIndicators());
        rules.rules().stream().map(rule -> rule.when().anyIndicator()).filter(g -> g != null).forEach(groups::add);
        Map<Set<Integer>, String> classes = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            Set<Integer> memberOf = new LinkedHashSet<>();
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).contains(indicator.name())) {
                    memberOf.add(g);
                }
            }
            if (!memberOf.isEmpty()) {
                classes.putIfAbsent(Set.copyOf(memberOf), indicator.name());
            }
        }
        return classes;
    }
}
