package se.goteborg.vaksam.inbox.alert;

import java.time.Instant;
import java.util.List;

import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;

/** An alert in one recipient's inbox: the routing facts it arrived with, and what the recipient has done with it. */
record Alert(String alertId, String tipId, Recipient recipient, Priority priority, AlertState state,
             List<String> reasons, String rulesVersion, Instant createdAt, Instant routedAt, Channel channel,
             Instant observedAt, List<String> indicators, SuspectedMinor suspectedMinor, Boolean immediateDanger,
             ExploitationType exploitationType, Premises premises, Trip trip, List<String> linkedTipIds,
             boolean hasSealedDetails, Instant acknowledgedAt, String acknowledgedBy, Outcome outcome,
             Instant closedAt, String closedBy) {

    record Address(String streetAddress, String postalCode, String city) {
    }

    /**
     * The premises and what premises-risk found out about them: how well the address matched the lettings register,
     * how many tips concerned them lately and the risk level; these are null when the tip was routed before its
     * assessment arrived.
     */
    record Premises(String name, Address address, String premisesId, String landlord, String category,
                    boolean riskIndustry, MatchLevel match, Double matchConfidence, Integer tipsLast30Days,
                    Integer tipsLast90Days, RiskLevel riskLevel) {
    }

    record Stop(Address address, Instant time) {
    }

    record Trip(Stop pickup, Stop dropoff, Integer passengers, String vehicleRef) {
    }
}
