package se.goteborg.vaksam.inbox.alert;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;

/**
 * An alert in one recipient's inbox: the routing facts it arrived with, and what the recipient has done with it.
 *
 * @param priority          the priority the recipient works to: routing's suggestion until the recipient changes it
 * @param suggestedPriority what routing computed from the checklist, with {@code reasons}
 * @param receivedAt        when it reached this inbox
 * @param acknowledgeBy     when the alert must have been acknowledged before routing escalates it
 * @param escalatedAt       when routing escalated it to {@code escalatedTo}, the recipient's duty contact
 */
record Alert(String alertId, String tipId, Recipient recipient, Priority priority, Priority suggestedPriority,
             AlertState state, List<String> reasons, String rulesVersion, Instant createdAt, Instant routedAt,
             Instant receivedAt, Instant acknowledgeBy, Channel channel, Instant observedAt, List<String> indicators,
             SuspectedMinor suspectedMinor, Boolean immediateDanger, ExploitationType exploitationType,
             Premises premises, Trip trip, List<String> linkedTipIds, boolean hasSealedDetails,
             Instant acknowledgedAt, String acknowledgedBy, Outcome outcome, Instant closedAt, String closedBy,
             Instant escalatedAt, String escalatedTo, List<PriorityChange> priorityChanges) {

    /** Still waiting for its acknowledgement after the deadline. */
    boolean overdue(Instant now) {
        return state == AlertState.NEW && acknowledgeBy != null && now.isAfter(acknowledgeBy);
    }

    /** A recipient's change of the priority, as recorded. */
    record PriorityChange(Priority from, Priority to, Instant at, String by) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(String streetAddress, String postalCode, String city) {
    }

    /**
     * The premises and what premises-risk found out about them: how well the address matched the lettings register,
     * how many tips concerned them lately and the risk level; these are null when the tip was routed before its
     * assessment arrived.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Premises(String name, Address address, String premisesId, String landlord, String category,
                    boolean riskIndustry, MatchLevel match, Double matchConfidence, Integer tipsLast30Days,
                    Integer tipsLast90Days, RiskLevel riskLevel) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stop(Address address, Instant time) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Trip(Stop pickup, Stop dropoff, Integer passengers, String vehicleRef) {
    }
}
