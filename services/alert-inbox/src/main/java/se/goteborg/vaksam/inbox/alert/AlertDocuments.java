package se.goteborg.vaksam.inbox.alert;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;

import se.goteborg.vaksam.events.alert.AlertPremises;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TripStop;

/** Maps AlertRouted events to alert documents, alert documents to alerts, and status changes to events. */
final class AlertDocuments {

    static final String ID = "_id";
    static final String RECIPIENT = "recipient";
    static final String STATE = "status";
    static final String CREATED_AT = "createdAt";
    static final String SEALED_DETAILS = "sealedDetails";

    private AlertDocuments() {
    }

    /**
     * The routing facts an AlertRouted carries, as set on every delivery: a replay sets the same values again, a
     * re-routing (raised priority, linked tips) updates them. Sealed details are kept only for recipients whose role
     * may ever see them.
     */
    static Document routingFacts(AlertRouted event) {
        boolean keepSealed = event.getSealedDetails() != null && InboxCaller.mayReceiveDetails(event.getRecipient());
        return new Document("tipId", event.getTipId())
                .append(RECIPIENT, event.getRecipient().name())
                .append("priority", event.getPriority().name())
                .append("reasons", List.copyOf(event.getReasons()))
                .append("rulesVersion", event.getRulesVersion())
                .append("routedAt", date(event.getRoutedAt()))
                .append("channel", event.getChannel().name())
                .append("observedAt", date(event.getObservedAt()))
                .append("indicators", List.copyOf(event.getIndicators()))
                .append("suspectedMinor", name(event.getSuspectedMinor()))
                .append("immediateDanger", event.getImmediateDanger())
                .append("exploitationType", name(event.getExploitationType()))
                .append("premises", premises(event.getPremises()))
                .append("trip", trip(event.getTrip()))
                .append("linkedTipIds", List.copyOf(event.getLinkedTipIds()))
                .append("hasSealedDetails", keepSealed)
                .append(SEALED_DETAILS, keepSealed ? new Binary(bytes(event.getSealedDetails())) : null);
    }

    /** Set only when the alert is first stored, so a replayed or re-routed alert keeps its place and its state. */
    static Document firstSeen(AlertRouted event) {
        return new Document(STATE, AlertState.NEW.name()).append(CREATED_AT, date(event.getRoutedAt()));
    }

    static Alert alert(Document d) {
        return new Alert(
                d.getString(ID),
                d.getString("tipId"),
                Recipient.valueOf(d.getString(RECIPIENT)),
                Priority.valueOf(d.getString("priority")),
                AlertState.valueOf(d.getString(STATE)),
                d.getList("reasons", String.class, List.of()),
                d.getString("rulesVersion"),
                instant(d.getDate(CREATED_AT)),
                instant(d.getDate("routedAt")),
                Channel.valueOf(d.getString("channel")),
                instant(d.getDate("observedAt")),
                d.getList("indicators", String.class, List.of()),
                enumOrNull(SuspectedMinor.class, d.getString("suspectedMinor")),
                d.getBoolean("immediateDanger"),
                enumOrNull(ExploitationType.class, d.getString("exploitationType")),
                premises(d.get("premises", Document.class)),
                trip(d.get("trip", Document.class)),
                d.getList("linkedTipIds", String.class, List.of()),
                d.getBoolean("hasSealedDetails", false),
                instant(d.getDate("acknowledgedAt")),
                d.getString("acknowledgedBy"),
                enumOrNull(Outcome.class, d.getString("outcome")),
                instant(d.getDate("closedAt")),
                d.getString("closedBy"));
    }

    static byte[] sealedDetails(Document d) {
        Binary sealed = d.get(SEALED_DETAILS, Binary.class);
        return sealed == null ? null : sealed.getData();
    }

    static Document acknowledged(String actor, Instant at) {
        return new Document(STATE, AlertState.ACKNOWLEDGED.name())
                .append("acknowledgedAt", date(at))
                .append("acknowledgedBy", actor);
    }

    static Document closed(Outcome outcome, String actor, Instant at) {
        return new Document(STATE, AlertState.CLOSED.name())
                .append("outcome", outcome.name())
                .append("closedAt", date(at))
                .append("closedBy", actor);
    }

    static AlertStatusChanged statusChanged(Alert alert, AlertStatus status, Outcome outcome, String actor, Instant at) {
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alert.alertId())
                .setTipId(alert.tipId())
                .setRecipient(alert.recipient())
                .setStatus(status)
                .setOutcome(outcome == null ? null : outcome.name())
                .setChangedAt(at)
                .setActor(actor)
                .build();
    }

    private static Document premises(AlertPremises premises) {
        if (premises == null) {
            return null;
        }
        return new Document("name", premises.getName())
                .append("address", address(premises.getAddress()))
                .append("premisesId", premises.getPremisesId())
                .append("landlord", premises.getLandlord())
                .append("category", premises.getCategory())
                .append("riskIndustry", premises.getRiskIndustry())
                .append("match", premises.getMatch() == null ? null : premises.getMatch().name())
                .append("matchConfidence", premises.getMatchConfidence())
                .append("tipsLast30Days", premises.getTipsLast30Days())
                .append("tipsLast90Days", premises.getTipsLast90Days())
                .append("riskLevel", premises.getRiskLevel() == null ? null : premises.getRiskLevel().name());
    }

    private static Alert.Premises premises(Document d) {
        if (d == null) {
            return null;
        }
        return new Alert.Premises(d.getString("name"), address(d.get("address", Document.class)),
                d.getString("premisesId"), d.getString("landlord"), d.getString("category"),
                d.getBoolean("riskIndustry", false), enumOrNull(MatchLevel.class, d.getString("match")),
                d.getDouble("matchConfidence"), d.getInteger("tipsLast30Days"), d.getInteger("tipsLast90Days"),
                enumOrNull(RiskLevel.class, d.getString("riskLevel")));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Document trip(TaxiTrip trip) {
        if (trip == null) {
            return null;
        }
        return new Document("pickup", stop(trip.getPickup()))
                .append("dropoff", stop(trip.getDropoff()))
                .append("passengers", trip.getPassengers())
                .append("vehicleRef", trip.getVehicleRef());
    }

    private static Alert.Trip trip(Document d) {
        if (d == null) {
            return null;
        }
        return new Alert.Trip(stop(d.get("pickup", Document.class)), stop(d.get("dropoff", Document.class)),
                d.getInteger("passengers"), d.getString("vehicleRef"));
    }

    private static Document stop(TripStop stop) {
        return new Document("address", address(stop.getAddress())).append("time", date(stop.getTime()));
    }

    private static Alert.Stop stop(Document d) {
        if (d == null) {
            return null;
        }
        return new Alert.Stop(address(d.get("address", Document.class)), instant(d.getDate("time")));
    }

    private static Document address(se.goteborg.vaksam.events.common.Address address) {
        return new Document("streetAddress", address.getStreetAddress())
                .append("postalCode", address.getPostalCode())
                .append("city", address.getCity());
    }

    private static Alert.Address address(Document d) {
        if (d == null) {
            return null;
        }
        return new Alert.Address(d.getString("streetAddress"), d.getString("postalCode"), d.getString("city"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
