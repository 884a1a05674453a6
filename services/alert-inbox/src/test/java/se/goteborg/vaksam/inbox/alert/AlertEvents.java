package se.goteborg.vaksam.inbox.alert;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.bson.Document;

import se.goteborg.vaksam.events.alert.AlertPremises;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.events.followup.FollowUpMessage;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TripStop;
import se.goteborg.vaksam.platform.sealing.Sealer;

/** AlertRouted events as alert-routing publishes them. */
final class AlertEvents {

    static final Instant ROUTED_AT = Instant.parse("2026-11-27T20:00:00Z");
    static final Instant OBSERVED_AT = Instant.parse("2026-11-27T19:30:00Z");

    private AlertEvents() {
    }

    static String alertId(String tipId, Recipient recipient) {
        return UUID.nameUUIDFromBytes((tipId + ":" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static AlertRouted.Builder hotel(String tipId, Recipient recipient, byte[] sealed) {
        return AlertRouted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alertId(tipId, recipient))
                .setTipId(tipId)
                .setRecipient(recipient)
                .setPriority(Priority.HIGH)
                .setReasons(List.of("ADULT_SEXUAL_CONTROL_INDICATOR"))
                .setRulesVersion("2026-11-1")
                .setRoutedAt(ROUTED_AT)
                .setChannel(Channel.HOTEL)
                .setObservedAt(OBSERVED_AT)
                .setIndicators(List.of("BOOKER_NOT_OCCUPANT", "SOMEONE_SPEAKS_FOR_PERSON"))
                .setSuspectedMinor(SuspectedMinor.NO)
                .setImmediateDanger(false)
                .setExploitationType(ExploitationType.SEXUAL)
                .setPremises(AlertPremises.newBuilder()
                        .setName("Hotell Kvarnen")
                        .setAddress(Address.newBuilder().setStreetAddress("Kvarngatan 1").setPostalCode("411 01")
                                .setCity("Göteborg").build())
                        .setPremisesId("P-17")
                        .setLandlord("Higab")
                        .setCategory("HOTEL")
                        .setRiskIndustry(false)
                        .setMatch(MatchLevel.PROBABLE)
                        .setMatchConfidence(0.8)
                        .setTipsLast30Days(3)
                        .setTipsLast90Days(4)
                        .setRiskLevel(RiskLevel.ELEVATED)
                        .build())
                .setSealedDetails(sealed == null ? null : ByteBuffer.wrap(sealed));
    }

    static AlertRouted.Builder taxi(String tipId, Recipient recipient) {
        TripStop pickup = TripStop.newBuilder()
                .setAddress(Address.newBuilder().setStreetAddress("Centralstationen").setCity("Göteborg").build())
                .setTime(OBSERVED_AT).build();
        TripStop dropoff = TripStop.newBuilder()
                .setAddress(Address.newBuilder().setStreetAddress("Industrivägen 4").build()).build();
        return hotel(tipId, recipient, null)
                .setChannel(Channel.TAXI)
                .setPremises(null)
                .setTrip(TaxiTrip.newBuilder().setPickup(pickup).setDropoff(dropoff).setPassengers(2)
                        .setVehicleRef("ABC123").build());
    }

    /** What the upsert of a first delivery leaves in the collection. */
    static Document stored(AlertRouted event) {
        Document document = new Document(AlertDocuments.ID, event.getAlertId());
        Document update = AlertDocuments.routedUpdate(event, event.getRoutedAt().plusMillis(40));
        document.putAll(update.get("$set", Document.class));
        document.putAll(update.get("$setOnInsert", Document.class));
        document.putAll(update.get("$min", Document.class));
        return document;
    }

    /** A tipster's answer as tip-intake publishes it, a second from now: its text sealed to the inbox's key. */
    static FollowUpMessage answer(Sealer sealer, String tipId, String alertId, Recipient recipient, String text) {
        return FollowUpMessage.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setMessageId(UUID.randomUUID().toString())
                .setTipId(tipId)
                .setAlertId(alertId)
                .setRecipient(recipient)
                .setDirection(Direction.ANSWER)
                .setSealedText(ByteBuffer.wrap(sealer.seal(text.getBytes(StandardCharsets.UTF_8), tipId)))
                .setSentAt(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    static byte[] seal(Sealer sealer, String tipId, String description, String contact) {
        String json = "{\"description\":\"" + description + "\",\"reporterContact\":\"" + contact + "\"}";
        return sealer.seal(json.getBytes(StandardCharsets.UTF_8), tipId);
    }
}
