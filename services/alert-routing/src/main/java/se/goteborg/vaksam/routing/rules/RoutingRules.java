package se.goteborg.vaksam.routing.rules;

import java.util.List;
import java.util.Set;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * A version of the routing table, as read from its data file by {@link RoutingRulesLoader}.
 *
 * @param version           recorded on every routing decision and alert
 * @param controlIndicators indicator codes that suggest someone is controlled by another
 * @param rules             the rows, each adding its recipients when it matches
 * @param repeatPremises    when tips about the same premises make a repeat
 * @param fallback          who gets a tip that no (non-additional) row matches
 */
public record RoutingRules(String version, Set<String> controlIndicators, List<Rule> rules, Repeat repeatPremises,
                           Fallback fallback) {

    /** A repeat raises every priority one step and links the alerts. */
    public record Repeat(int minTips, String reason) {
    }

    public record Fallback(Set<Recipient> recipients, Priority priority, List<String> reasons) {
    }
}
