package se.goteborg.vaksam.routing.rules;

import java.util.List;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

/**
 * One recipient's alert about a tip.
 *
 * @param reasons  codes of every rule that named this recipient, in rule order
 * @param repeated whether the premises are a repeat (the priority was raised and the alert is linked to earlier tips)
 */
public record AlertDecision(Recipient recipient, Priority priority, List<String> reasons, boolean repeated) {

    public AlertDecision {
        reasons = List.copyOf(reasons);
    }
}
