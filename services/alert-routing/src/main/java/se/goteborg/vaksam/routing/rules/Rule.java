package se.goteborg.vaksam.routing.rules;

import java.util.List;
import java.util.Set;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * One row of the routing table.
 *
 * @param additional whether the rule only adds a recipient beside the others: a tip that no other rule matches
 *                   still goes to triage (the lettings group acts on premises, not on what happened to a person)
 */
public record Rule(String id, Condition when, Set<Recipient> recipients, Priority priority, List<String> reasons,
            boolean additional) {
}
