package se.goteborg.vaksam.routing.rules;

import java.util.Set;

import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;

/**
 * What routing decides on: the tip's routing facts and, once known, what the premises assessment found.
 *
 * @param cityLetPremises whether the premises are in the city's lettings register
 * @param tipsLast30Days  tips about the same premises in the last 30 days, this one included
 */
public record RoutingFacts(SuspectedMinor suspectedMinor, boolean immediateDanger, ExploitationType exploitationType,
                           Set<String> indicators, boolean cityLetPremises, int tipsLast30Days) {

    public RoutingFacts {
        indicators = Set.copyOf(indicators);
    }
}
