package se.goteborg.vaksam.network.figures;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.goteborg.vaksam.events.alert.AlertPremises;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;

/**
 * Tip and alert events as intake, routing and the inbox publish them, with every free or personal field filled in
 * (premises, trip, vehicle, room, sealed details), so that tests can check none of it is kept.
 */
final class FigureEvents {

    private FigureEvents() {
    }

    /** A hotel tip at premises in {@code postalCode}, with {@code text} in every free field. */
    static TipSubmitted.Builder hotel(String memberId, Instant submittedAt, String postalCode, String text) {
        return TipSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setTipId(UUID.randomUUID().toString())
                .setMemberId(memberId).setChannel(Channel.HOTEL)
                .setSubmittedAt(submittedAt).setObservedAt(submittedAt.minus(Duration.ofHours(1)))
                .setIndicators(List.of("SHORT_OR_HOURLY_STAY", "BOOKER_NOT_OCCUPANT"))
                .setSuspectedMinor(SuspectedMinor.NO).setImmediateDanger(false)
                .setExploitationType(ExploitationType.SEXUAL)
                .setPremises(HotelPremises.newBuilder().setName("Hotell " + text)
                        .setAddress(address(text + "gatan 12", postalCode)).setRoom("Rum " + text).build())
                .setSealedDetails(sealed(text));
    }

    /** A taxi tip from a pickup to a drop-off in these postal codes (either may be null). */
    static TipSubmitted.Builder taxi(String memberId, Instant submittedAt, String pickupPostalCode,
                                     String dropoffPostalCode, String text) {
        return TipSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setTipId(UUID.randomUUID().toString())
                .setMemberId(memberId).setChannel(Channel.TAXI)
                .setSubmittedAt(submittedAt).setObservedAt(submittedAt.minus(Duration.ofMinutes(30)))
                .setIndicators(List.of("COMPANION_CONTROLS"))
                .setSuspectedMinor(SuspectedMinor.UNSURE).setImmediateDanger(true)
                .setExploitationType(ExploitationType.UNKNOWN)
                .setTrip(TaxiTrip.newBuilder()
                        .setPickup(TripStop.newBuilder().setAddress(address(text + "vägen 1", pickupPostalCode))
                                .setTime(submittedAt.minus(Duration.ofMinutes(50))).build())
                        .setDropoff(TripStop.newBuilder().setAddress(address(text + "torget 2", dropoffPostalCode))
                                .setTime(submittedAt.minus(Duration.ofMinutes(35))).build())
                        .setPassengers(2).setVehicleRef("Bil " + text).build())
                .setSealedDetails(sealed(text));
    }

    /** The alert routing gives {@code recipient} about {@code tip}, carrying its premises and sealed details. */
    static AlertRouted routed(TipSubmitted tip, Recipient recipient, Priority priority, Instant routedAt,
                              String text) {
        return AlertRouted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(UUID.nameUUIDFromBytes((tip.getTipId() + ":" + recipient)
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setTipId(tip.getTipId()).setRecipient(recipient).setPriority(priority)
                .setReasons(List.of("TEST")).setRulesVersion("v2").setRoutedAt(routedAt)
                .setAcknowledgeBy(routedAt.plus(Duration.ofHours(4))).setChannel(tip.getChannel())
                .setObservedAt(tip.getObservedAt()).setIndicators(tip.getIndicators())
                .setSuspectedMinor(tip.getSuspectedMinor()).setImmediateDanger(tip.getImmediateDanger())
                .setExploitationType(tip.getExploitationType())
                .setPremises(AlertPremises.newBuilder().setName("Hotell " + text)
                        .setAddress(address(text + "gatan 12", "411 19")).setLandlord("Värd " + text).build())
                .setTrip(tip.getTrip())
                .setSealedDetails(sealed(text))
                .build();
    }

    static AlertStatusChanged status(AlertRouted alert, AlertStatus status, String outcome, Instant at) {
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setAlertId(alert.getAlertId()).setTipId(alert.getTipId())
                .setRecipient(alert.getRecipient()).setStatus(status).setOutcome(outcome).setChangedAt(at)
                .setActor(alert.getRecipient().name())
                .setPriority(status == AlertStatus.PRIORITY_CHANGED ? Priority.NORMAL : null)
                .build();
    }

    private static Address address(String street, String postalCode) {
        return Address.newBuilder().setStreetAddress(street).setPostalCode(postalCode).setCity("Göteborg").build();
    }

    private static ByteBuffer sealed(String text) {
        return ByteBuffer.wrap(("description " + text + " contact " + text).getBytes(StandardCharsets.UTF_8));
    }
}
