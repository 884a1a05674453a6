package se.goteborg.vaksam.routing.rules;

import java.util.Set;

import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;

/**
 * When a rule applies: every condition given must hold; a {@code null} condition is not checked.
 *
 * @param suspectedMinor   one of these answers
 * @param immediateDanger  whether the reporter saw immediate danger
 * @param exploitationType one of these types
 * @param controlIndicator whether at least one of the rules' control indicators was reported
 * @param cityLetPremises  whether the premises are in the city's lettings register
 * @param anyIndicator     at least one of these indicator codes was reported
 */
public record Condition(Set<SuspectedMinor> suspectedMinor, Boolean immediateDanger, Set<ExploitationType> exploitationType,
                 Boolean controlIndicator, Boolean cityLetPremises, Set<String> anyIndicator) {

    public boolean isEmpty() {
        return suspectedMinor == null && immediateDanger == null && exploitationType == null && controlIndicator == null
                && cityLetPremises == null && anyIndicator == null;
    }

    public boolean matches(RoutingFacts facts, Set<String> controlIndicators) {
        return (suspectedMinor == null || suspectedMinor.contains(facts.suspectedMinor()))
                && (immediateDanger == null || immediateDanger == facts.immediateDanger())
                && (exploitationType == null || exploitationType.contains(facts.exploitationType()))
                && (controlIndicator == null
                    || controlIndicator == facts.indicators().stream().anyMatch(controlIndicators::contains))
                && (cityLetPremises == null || cityLetPremises == facts.cityLetPremises())
                && (anyIndicator == null || facts.indicators().stream().anyMatch(anyIndicator::contains));
    }
}
