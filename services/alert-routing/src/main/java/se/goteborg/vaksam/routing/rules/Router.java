package se.goteborg.vaksam.routing.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * Decides who gets an alert about a tip, at what priority and why, from one version of the routing rules. Pure: the
 * same facts always give the same decisions, and nothing is read or written.
 */
public final class Router {

    private final RoutingRules rules;

    public Router(RoutingRules rules) {
        this.rules = rules;
    }

    public String rulesVersion() {
        return rules.version();
    }

    /**
     * One decision per recipient, in recipient order. Every matching rule adds its recipients; a recipient named by
     * several gets the highest of their priorities and all their reasons. Never empty.
     */
    public List<AlertDecision> route(RoutingFacts facts) {
        Map<Recipient, Pending> byRecipient = new EnumMap<>(Recipient.class);
        boolean routed = false;
        for (Rule rule : rules.rules()) {
            if (rule.when().matches(facts, rules.controlIndicators())) {
                routed |= !rule.additional();
                add(byRecipient, rule.recipients(), rule.priority(), rule.reasons());
            }
        }
        if (!routed) {
            add(byRecipient, rules.fallback().recipients(), rules.fallback().priority(), rules.fallback().reasons());
        }
        boolean repeated = facts.tipsLast30Days() >= rules.repeatPremises().minTips();
        List<AlertDecision> decisions = new ArrayList<>();
        byRecipient.forEach((recipient, pending) -> {
            Set<String> reasons = new LinkedHashSet<>(pending.reasons);
            if (repeated) {
                reasons.add(rules.repeatPremises().reason());
            }
            decisions.add(new AlertDecision(recipient, repeated ? raised(pending.priority) : pending.priority,
                    List.copyOf(reasons), repeated));
        });
        return List.copyOf(decisions);
    }

    private static void add(Map<Recipient, Pending> byRecipient, Set<Recipient> recipients, Priority priority,
                            List<String> reasons) {
        for (Recipient recipient : recipients) {
            Pending pending = byRecipient.computeIfAbsent(recipient, r -> new Pending(priority));
            pending.priority = higher(pending.priority, priority);
            pending.reasons.addAll(reasons);
        }
    }

    /** Priorities are declared most urgent first. */
    static Priority higher(Priority a, Priority b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** One step more urgent: NORMAL to HIGH, HIGH to IMMEDIATE; IMMEDIATE stays. */
    static Priority raised(Priority priority) {
        return Priority.values()[Math.max(0, priority.ordinal() - 1)];
    }

    private static final class Pending {

        private Priority priority;
        private final Set<String> reasons = new LinkedHashSet<>();

        Pending(Priority priority) {
            this.priority = priority;
        }
    }
}
