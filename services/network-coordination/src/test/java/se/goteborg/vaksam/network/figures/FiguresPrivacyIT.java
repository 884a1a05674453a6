package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import reactor.core.publisher.Flux;
import se.goteborg.vaksam.events.alert.AlertPremises;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;

/**
 * No personal field reaches the service's database. Tips and alerts whose every free or personal field carries a
 * canary of its own (sealed description and contact, premises name, street and room, trip addresses and vehicle, the
 * alert's premises and landlord, a free text where an outcome or indicator code belongs, the status change's actor
 * and duty desk) are counted; then every document of every collection of the database is read, and none holds a
 * canary or any of the streets and names. Nor does the log, the API or the CSV.
 */
@ExtendWith(OutputCaptureExtension.class)
class FiguresPrivacyIT extends FiguresTestBase {

    static final Instant NOW = Instant.parse("2038-03-20T10:00:00Z");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void noFreeOrPersonalFieldOfAnyEventIsStored(CapturedOutput log) {
        clock.set(NOW);
        String hotel = enrol("HOTEL", "Integritetshotellet", "411 19", LocalDate.parse("2030-01-01"));
        String taxi = enrol("TAXI", "Integritetstaxi", "416 60", LocalDate.parse("2030-01-01"));
        List<String> canaries = new ArrayList<>();
        List<SpecificRecord> events = new ArrayList<>();

        TipSubmitted hotelTip = FigureEvents.hotel(hotel, Instant.parse("2038-03-02T21:00:00Z"), "411 19", "x")
                .setIndicators(List.of("SHORT_OR_HOURLY_STAY", canary(canaries, "indicator")))
                .setPremises(HotelPremises.newBuilder().setName(canary(canaries, "premises-name"))
                        .setAddress(address(canaries, "premises-street", "411 19", "premises-city"))
                        .setRoom(canary(canaries, "room")).build())
                .setSealedDetails(sealed(canaries, "description", "reporter-contact"))
                .build();
        TipSubmitted taxiTip = FigureEvents.taxi(taxi, Instant.parse("2038-03-03T01:00:00Z"), "416 60", "417 05", "x")
                .setTrip(TaxiTrip.newBuilder()
                        .setPickup(TripStop.newBuilder().setAddress(address(canaries, "pickup-street", "416 60",
                                "pickup-city")).setTime(Instant.parse("2038-03-03T00:20:00Z")).build())
                        .setDropoff(TripStop.newBuilder().setAddress(address(canaries, "dropoff-street", "417 05",
                                "dropoff-city")).setTime(Instant.parse("2038-03-03T00:40:00Z")).build())
                        .setPassengers(2).setVehicleRef(canary(canaries, "vehicle")).build())
                .setSealedDetails(sealed(canaries, "taxi-description", "taxi-contact"))
                .build();
        events.add(hotelTip);
        events.add(taxiTip);
        for (TipSubmitted tip : List.of(hotelTip, taxiTip)) {
            Instant routedAt = tip.getSubmittedAt().plusSeconds(1);
            AlertRouted alert = AlertRouted.newBuilder(FigureEvents.routed(tip, Recipient.POLICE, Priority.HIGH,
                            routedAt, "x"))
                    .setReasons(List.of(canary(canaries, "reason")))
                    .setPremises(AlertPremises.newBuilder().setName(canary(canaries, "alert-premises-name"))
                            .setAddress(address(canaries, "alert-premises-street", "411 19", "alert-premises-city"))
                            .setLandlord(canary(canaries, "landlord")).setCategory(canary(canaries, "category"))
                            .build())
                    .setSealedDetails(sealed(canaries, "alert-description", "alert-contact"))
                    .build();
            events.add(alert);
            events.add(AlertStatusChanged.newBuilder(FigureEvents.status(alert, AlertStatus.ESCALATED, null,
                            routedAt.plus(Duration.ofHours(4))))
                    .setActor(canary(canaries, "actor")).setEscalatedTo(canary(canaries, "duty-desk")).build());
            events.add(FigureEvents.status(alert, AlertStatus.OUTCOME_RECORDED, canary(canaries, "outcome"),
                    routedAt.plus(Duration.ofDays(1))));
        }
        events.forEach(this::publish);

        String year = "from=2038-01-01&to=2039-01-01";
        Map<String, Object> alerts = Awaitility.await("the events counted").atMost(DEADLINE)
                .until(() -> json(FiguresRouter.API + "/alerts?" + year), counted -> {
                    Map<String, Object> police = recipient(counted, "POLICE");
                    return Map.of("OTHER", "< 3").equals(police.get("outcomes"))
                            && "< 3".equals(police.get("escalated"));
                });
        Awaitility.await("the tips counted").atMost(DEADLINE).until(() -> json(FiguresRouter.API + "/tips?" + year),
                tips -> "< 3".equals(((Map<?, ?>) tips.get("total")).get("tips")));

        List<String> forbidden = new ArrayList<>(canaries);
        forbidden.addAll(List.of("Hotell x", "xgatan", "xvägen", "xtorget", "Rum x", "Bil x", "description x"));
        List<String> collections = Flux.from(database.listCollectionNames()).collectList().block(DEADLINE);
        assertThat(collections).containsAll(FIGURE_COLLECTIONS);
        for (String collection : collections) {
            List<Document> documents = Flux.from(database.getCollection(collection).find()).collectList()
                    .block(DEADLINE);
            for (Document document : documents) {
                assertThat(document.toJson()).as(collection).doesNotContain(forbidden);
            }
        }
        for (String path : List.of("/tips?" + year, "/alerts?" + year, "/members/not-reporting",
                "/participation?" + year, "/tips.csv?" + year, "/alerts.csv?" + year)) {
            assertThat(csv(FiguresRouter.API + path)).as(path).doesNotContain(forbidden);
        }
        assertThat(recipient(alerts, "POLICE")).containsEntry("outcomes", Map.of("OTHER", "< 3"));
        assertThat(log.getAll()).as("nothing of the events in the log").doesNotContain(forbidden);
    }

    private static String canary(List<String> canaries, String field) {
        String canary = "canary-" + field + "-" + RUN;
        canaries.add(canary);
        return canary;
    }

    private static Address address(List<String> canaries, String street, String postalCode, String city) {
        return Address.newBuilder().setStreetAddress(canary(canaries, street) + " 12").setPostalCode(postalCode)
                .setCity(canary(canaries, city)).build();
    }

    private static ByteBuffer sealed(List<String> canaries, String description, String contact) {
        return ByteBuffer.wrap((canary(canaries, description) + "|" + canary(canaries, contact))
                .getBytes(StandardCharsets.UTF_8));
    }

}
