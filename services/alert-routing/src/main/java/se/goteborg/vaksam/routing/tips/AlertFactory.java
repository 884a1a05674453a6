package se.goteborg.vaksam.routing.tips;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.goteborg.vaksam.events.alert.AlertPremises;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;
import se.goteborg.vaksam.routing.rules.AlertDecision;
import se.goteborg.vaksam.routing.rules.RoutingFacts;

/**
 * Builds a recipient's alert with only the data its role needs. The lettings group acts on premises, so it gets the
 * premises and why it is told, never what was observed about people (indicators, minor, danger, trip, sealed
 * details). Every other recipient gets the routing facts, the premises or trip, and the sealed details, which only
 * the inbox can open.
 */
final class AlertFactory {

    private AlertFactory() {
    }

    static String alertId(String tipId, Recipient recipient) {
        return UUID.nameUUIDFromBytes((tipId + ":" + recipient.name()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static RoutingFacts facts(TipSubmitted tip, PremisesAssessed assessment) {
        return new RoutingFacts(tip.getSuspectedMinor(), tip.getImmediateDanger(), tip.getExploitationType(),
                Set.copyOf(tip.getIndicators()), isCityLet(assessment),
                assessment == null ? 1 : assessment.getTipsLast30Days());
    }

    static AlertRouted alert(TipSubmitted tip, PremisesAssessed assessment, AlertDecision decision, String rulesVersion,
                             Instant routedAt, Instant acknowledgeBy) {
        String alertId = alertId(tip.getTipId(), decision.recipient());
        var alert = AlertRouted.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("alert-routed:" + alertId).getBytes(StandardCharsets.UTF_8))
                        .toString())
                .setAlertId(alertId)
                .setTipId(tip.getTipId())
                .setRecipient(decision.recipient())
                .setPriority(decision.priority())
                .setReasons(decision.reasons())
                .setRulesVersion(rulesVersion)
                .setRoutedAt(routedAt)
                .setAcknowledgeBy(acknowledgeBy)
                .setChannel(tip.getChannel())
                .setLinkedTipIds(decision.repeated() && assessment != null ? assessment.getLinkedTipIds() : List.of());
        if (decision.recipient() == Recipient.LETTINGS_GROUP) {
            return alert.setPremises(premisesAddress(tip)
                            .map(address -> registerPremises(address, null, assessment))
                            .orElse(null))
                    .build();
        }
        return alert.setObservedAt(tip.getObservedAt())
                .setIndicators(tip.getIndicators())
                .setSuspectedMinor(tip.getSuspectedMinor())
                .setImmediateDanger(tip.getImmediateDanger())
                .setExploitationType(tip.getExploitationType())
                .setPremises(premisesAddress(tip)
                        .map(address -> registerPremises(address, hotelName(tip), assessment))
                        .orElse(null))
                .setTrip(tip.getTrip())
                .setSealedDetails(tip.getSealedDetails() == null ? null : tip.getSealedDetails().duplicate())
                .build();
    }

    private static boolean isCityLet(PremisesAssessed assessment) {
        return assessment != null && assessment.getMatch() != MatchLevel.NONE && assessment.getPremisesId() != null;
    }

    /** The address the tip is about: the hotel, or where the passenger was taken. */
    private static Optional<Address> premisesAddress(TipSubmitted tip) {
        return switch (tip.getChannel()) {
            case HOTEL -> Optional.ofNullable(tip.getPremises()).map(HotelPremises::getAddress);
            case TAXI -> Optional.ofNullable(tip.getTrip()).map(TaxiTrip::getDropoff).map(TripStop::getAddress);
        };
    }

    private static String hotelName(TipSubmitted tip) {
        return tip.getPremises() == null ? null : tip.getPremises().getName();
    }

    private static AlertPremises registerPremises(Address address, String name, PremisesAssessed assessment) {
        var premises = AlertPremises.newBuilder().setName(name).setAddress(address);
        if (assessment != null) {
            premises.setMatch(assessment.getMatch())
                    .setMatchConfidence(assessment.getMatchConfidence())
                    .setTipsLast30Days(assessment.getTipsLast30Days())
                    .setTipsLast90Days(assessment.getTipsLast90Days())
                    .setRiskLevel(assessment.getRiskLevel());
        }
        if (isCityLet(assessment)) {
            premises.setPremisesId(assessment.getPremisesId())
                    .setLandlord(assessment.getLandlord())
                    .setCategory(assessment.getCategory())
                    .setRiskIndustry(assessment.getRiskIndustry());
        }
        return premises.build();
    }
}
