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
    static final String PRIORITY = "priority";
    static final String SUGGESTED_PRIORITY = "suggestedPriority";
    static final String PRIORITY_CHANGES = "priorityChanges";
    static final String PRIORITY_CHANGED_AT = "priorityChangedAt";
    static final String CREATED_AT = "createdAt";
    static final String ROUTED_AT = "routedAt";
    static final String RECEIVED_AT = "receivedAt";
    static final String ACKNOWLEDGE_BY = "acknowledgeBy";
    static final String ESCALATED_AT = "escalatedAt";
    static final String SEALED_DETAILS = "sealedDetails";

    private AlertDocuments() {
    }

    /**
     * The routing facts an AlertRouted carries, as set on every delivery: a replay sets the same values again, a
     * re-routing (raised priority, linked tips) updates them. The priority routing suggests is kept apart from the
     * one the recipient works to, so a replay never undoes the recipient's change. Sealed details are kept only for
     * recipients whose role may ever see them.
     */
    static Document routingFacts(AlertRouted event) {
        boolean keepSealed = event.getSealedDetails() != null && DetailsPolicy.mayReceiveDetails(event.getRecipient());
        return new Document("tipId", event.getTipId())
                .append(RECIPIENT, event.getRecipient().name())
                .append(SUGGESTED_PRIORITY, event.getPriority().name())
                .append("reasons", List.copyOf(event.getReasons()))
                .append("rulesVersion", event.getRulesVersion())
                .append(ROUTED_AT, date(event.getRoutedAt()))
                .append(ACKNOWLEDGE_BY, date(event.getAcknowledgeBy()))
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

    /**
     * The update that stores or refreshes an alert: routing facts set every time; the state only when the document
     * is new (an escalation may have created it first), and the first routing and arrival times kept as
     * {@code createdAt} and {@code receivedAt}, so a replayed or re-routed alert keeps its place and its state.
     */
    static Document routedUpdate(AlertRouted event, Instant receivedAt) {
        return new Document("$set", routingFacts(event))
                .append("$setOnInsert", new Document(STATE, AlertState.NEW.name()))
                .append("$min", new Document(CREATED_AT, date(event.getRoutedAt()))
                        .append(RECEIVED_AT, date(receivedAt)));
    }

    /**
     * Records routing's escalation on the alert. Should the escalation come before the alert itself (the inbox was
     * behind on the alert topic), it creates the document with the state and owner the alert will have, and the
     * alert fills in the rest; until then the alert is not listed.
     */
    static Document escalatedUpdate(AlertStatusChanged event) {
        return new Document("$set", new Document(ESCALATED_AT, date(event.getChangedAt()))
                        .append("escalatedTo", event.getEscalatedTo()))
                .append("$setOnInsert", new Document(STATE, AlertState.NEW.name())
                        .append(RECIPIENT, event.getRecipient().name())
                        .append("tipId", event.getTipId()));
    }

    static Alert alert(Document d) {
        // Alerts stored before the recipient could change the priority have only "priority", routing's own.
        Priority suggested = Priority.valueOf(d.getString(d.containsKey(SUGGESTED_PRIORITY) ? SUGGESTED_PRIORITY : PRIORITY));
        return new Alert(
                d.getString(ID),
                d.getString("tipId"),
                Recipient.valueOf(d.getString(RECIPIENT)),
                d.getString(PRIORITY) == null ? suggested : Priority.valueOf(d.getString(PRIORITY)),
                suggested,
                AlertState.valueOf(d.getString(STATE)),
                d.getList("reasons", String.class, List.of()),
                d.getString("rulesVersion"),
                instant(d.getDate(CREATED_AT)),
                instant(d.getDate(ROUTED_AT)),
                instant(d.getDate(RECEIVED_AT)),
                instant(d.getDate(ACKNOWLEDGE_BY)),
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
                d.getString("closedBy"),
                instant(d.getDate(ESCALATED_AT)),
                d.getString("escalatedTo"),
                d.getList(PRIORITY_CHANGES, Document.class, List.of()).stream()
                        .map(change -> new Alert.PriorityChange(Priority.valueOf(change.getString("from")),
                                Priority.valueOf(change.getString("to")), instant(change.getDate("at")),
                                change.getString("by")))
                        .toList());
    }

    static Document priorityChange(Priority from, Priority to, String actor, Instant at) {
        return new Document("from", from.name()).append("to", to.name()).append("at", date(at)).append("by", actor);
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
        return statusChange(alert, status, actor, at).setOutcome(outcome == null ? null : outcome.name()).build();
    }

    static AlertStatusChanged priorityChanged(Alert alert, Priority to, String actor, Instant at) {
        return statusChange(alert, AlertStatus.PRIORITY_CHANGED, actor, at)
                .setPriority(to)
                .setPreviousPriority(alert.priority())
                .build();
    }

    private static AlertStatusChanged.Builder statusChange(Alert alert, AlertStatus status, String actor, Instant at) {
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alert.alertId())
                .setTipId(alert.tipId())
                .setRecipient(alert.recipient())
                .setStatus(status)
                .setChangedAt(at)
                .setActor(actor);
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
