package se.goteborg.vaksam.inbox.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TripStop;

/**
 * Events as alert-routing and the inbox publish them, carrying every kind of personal data an alert can hold, so
 * the tests can show that none of it reaches a receiver.
 */
final class WebhookEvents {

    /** Text of the premises, trip and sealed details; none of it may ever be in a webhook's body. */
    static final List<String> PERSONAL = List.of("Kvarngatan 1", "Hotell Kvarnen", "Higab", "Centralstationen",
            "ABC123", "sealed-details", "BOOKER_NOT_OCCUPANT", "premises", "trip", "indicators", "suspectedMinor");

    private WebhookEvents() {
    }

    static AlertRouted routed(Recipient recipient, Instant at) {
        String tipId = "tip-" + UUID.randomUUID();
        Address address = Address.newBuilder().setStreetAddress("Kvarngatan 1").setPostalCode("411 01")
                .setCity("Göteborg").build();
        return AlertRouted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(UUID.nameUUIDFromBytes((tipId + ":" + recipient).getBytes(StandardCharsets.UTF_8))
                        .toString())
                .setTipId(tipId)
                .setRecipient(recipient)
                .setPriority(Priority.IMMEDIATE)
                .setReasons(List.of("SUSPECTED_MINOR"))
                .setRulesVersion("2026-11-1")
                .setRoutedAt(at)
                .setChannel(Channel.TAXI)
                .setObservedAt(at.minusSeconds(1800))
                .setIndicators(List.of("BOOKER_NOT_OCCUPANT"))
                .setSuspectedMinor(SuspectedMinor.YES)
                .setImmediateDanger(false)
                .setExploitationType(ExploitationType.SEXUAL)
                .setPremises(AlertPremises.newBuilder().setName("Hotell Kvarnen").setAddress(address)
                        .setLandlord("Higab").build())
                .setTrip(TaxiTrip.newBuilder()
                        .setPickup(TripStop.newBuilder().setAddress(Address.newBuilder()
                                .setStreetAddress("Centralstationen").build()).setTime(at).build())
                        .setDropoff(TripStop.newBuilder().setAddress(address).build())
                        .setVehicleRef("ABC123").build())
                .setSealedDetails(ByteBuffer.wrap("sealed-details".getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** An escalation, as alert-routing publishes it when an alert was not acknowledged in time. */
    static AlertStatusChanged escalated(AlertRouted alert, Instant at) {
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alert.getAlertId())
                .setTipId(alert.getTipId())
                .setRecipient(alert.getRecipient())
                .setStatus(AlertStatus.ESCALATED)
                .setChangedAt(at)
                .setActor("alert-routing")
                .setPriority(alert.getPriority())
                .setAcknowledgeBy(at.minusSeconds(60))
                .setEscalatedTo("POLICE_DUTY_DESK")
                .build();
    }
}
