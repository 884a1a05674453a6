package se.goteborg.vaksam.premises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.MongoStore;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vaksam.demo.enabled=true",
        "vaksam.mongo.database=premises-risk-it",
        "vaksam.security.issuer=" + TestTokens.ISSUER})
class PremisesRiskIT {

    /** The listener id, which Spring Kafka uses as its consumer group. */
    static final String GROUP = "premises-risk-tips";
    static TopicRecords<PremisesAssessed> assessed;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaBroker::bootstrapServers);
        registry.add("vaksam.registry.url", () -> SchemaRegistryServer.shared().url());
        registry.add("vaksam.mongo.uri", MongoStore::uri);
        registry.add("vaksam.security.jwk-set-uri", TestTokens::jwkSetUri);
    }

    @Autowired EventPublisher publisher;
    @LocalServerPort int port;
    WebTestClient http;

    @AfterAll
    static void stopReading() {
        if (assessed != null) {
            assessed.close();
        }
    }

    @BeforeEach
    void registerReady() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
        Awaitility.await("demo register seeded, service healthy").atMost(TopicRecords.DEADLINE).until(() ->
                http.get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        if (assessed == null) {
            // Only now: the service creates the topics as it starts.
            assessed = new TopicRecords<>(Topics.PREMISES_ASSESSED.name(),
                    SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()));
        }
    }

    @Test
    void assessesEveryTipAsAnExactMatchOrNone() {
        TipSubmitted massageSalon = hotelTip("Kungsgatan 12", "411 19", Instant.now());
        TipSubmitted unknown = taxiTip("Okändgatan 99", "999 99", Instant.now());
        publish(massageSalon);
        publish(unknown);

        PremisesAssessed exact = awaitAssessment(massageSalon.getTipId());
        assertThat(exact.getMatch()).isEqualTo(MatchLevel.EXACT);
        assertThat(exact.getEventId()).isNotBlank();
        assertThat(exact.getAddressKey()).isEqualTo("kungsgatan 12|41119");
        assertThat(exact.getPremisesId()).isEqualTo("GBG-L-0001");
        assertThat(exact.getPropertyDesignation()).isEqualTo("Inom Vallgraven 12:4");
        assertThat(exact.getLandlord()).isEqualTo("Higab AB");
        assertThat(exact.getIndustryCode()).isEqualTo("96.040");
        assertThat(exact.getCategory()).isEqualTo("Body care and massage");
        assertThat(exact.getRiskIndustry()).isTrue();
        assertThat(exact.getTipsLast30Days()).isEqualTo(1);
        assertThat(exact.getLinkedTipIds()).isEmpty();

        PremisesAssessed none = awaitAssessment(unknown.getTipId());
        assertThat(none.getMatch()).isEqualTo(MatchLevel.NONE);
        assertThat(none.getAddressKey()).isEqualTo("okändgatan 99|99999");
        assertThat(none.getPremisesId()).isNull();
        assertThat(none.getLandlord()).isNull();
        assertThat(none.getCategory()).isNull();
        assertThat(none.getRiskIndustry()).isFalse();
        assertThat(none.getTipsLast30Days()).isEqualTo(1);
    }

    @Test
    void aTaxiTipIsAssessedByItsDropOffAddress() {
        TipSubmitted toTheAvenue = taxiTip("Avenyn 7, 411 36 Göteborg", null, Instant.now());
        publish(toTheAvenue);

        PremisesAssessed restaurant = awaitAssessment(toTheAvenue.getTipId());
        assertThat(restaurant.getMatch()).isEqualTo(MatchLevel.EXACT);
        assertThat(restaurant.getPremisesId()).isEqualTo("GBG-L-0002");
        assertThat(restaurant.getCategory()).isEqualTo("Restaurant");
        assertThat(restaurant.getRiskIndustry()).isFalse();
    }

    @Test
    void aReplayedTipIsAssessedOnceAndCountedOnce() {
        Instant first = Instant.now().minus(2, ChronoUnit.DAYS);
        TipSubmitted tip = hotelTip("Vasagatan 22", "411 24", first);
        publish(tip);
        assertThat(awaitAssessment(tip.getTipId()).getTipsLast30Days()).isEqualTo(1);

        RecordMetadata sameEvent = publish(tip);
        RecordMetadata sameTipNewEvent = publish(TipSubmitted.newBuilder(tip).setEventId(UUID.randomUUID().toString())
                .build());
        TopicRecords.awaitHandled(GROUP, sameEvent);
        TopicRecords.awaitHandled(GROUP, sameTipNewEvent);

        TipSubmitted next = hotelTip("VASAGATAN 22", "41124", first.plus(1, ChronoUnit.DAYS));
        publish(next);
        PremisesAssessed second = awaitAssessment(next.getTipId());
        assertThat(second.getTipsLast30Days()).isEqualTo(2);
        assertThat(second.getLinkedTipIds()).containsExactly(tip.getTipId());

        TipSubmitted third = hotelTip("Vasagatan 22", "411 24", first.plus(2, ChronoUnit.DAYS));
        publish(third);
        PremisesAssessed repeat = awaitAssessment(third.getTipId());
        assertThat(repeat.getTipsLast30Days()).isEqualTo(3);
        assertThat(repeat.getLinkedTipIds()).containsExactlyInAnyOrder(tip.getTipId(), next.getTipId());

        assertThat(assessed.allMatching(withKey(tip.getTipId()))).hasSize(1);
    }

    @Test
    void tipsOlderThanTheWindowAreNotCounted() {
        Instant now = Instant.now();
        TipSubmitted old = hotelTip("Linnégatan 44", "413 08", now.minus(40, ChronoUnit.DAYS));
        publish(old);
        awaitAssessment(old.getTipId());
        TipSubmitted recent = hotelTip("Linnégatan 44", "413 08", now);
        publish(recent);

        PremisesAssessed assessment = awaitAssessment(recent.getTipId());
        assertThat(assessment.getTipsLast30Days()).isEqualTo(1);
        assertThat(assessment.getLinkedTipIds()).isEmpty();
    }

    @Test
    void theRegisterImportIsForTheLettingsGroupOnly() {
        String csv = header() + "IT-0001,Heden 99:1,Testgatan 1,411 01,Göteborg,Higab AB,,,,,\n";
        http.post().uri("/api/v1/lettings/register").contentType(TEXT_CSV).bodyValue(csv).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/lettings/register").contentType(TEXT_CSV).bodyValue(csv)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token("police-demo", "POLICE", List.of("RECIPIENT")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anImportWithAnyBadRowIsRefusedWholeWithEveryLineNamed() {
        String csv = header()
                + "IT-0101,Heden 99:2,Refusedgatan 1,411 01,Göteborg,Higab AB,,,,,\n"
                + "IT-0102,Heden 99:3,Refusedgatan 2,41,Göteborg,Higab AB,,,,,\n"
                + "IT-0103,Heden 99:4,Refusedgatan 3,411 01,Göteborg,,559900-9999,Tenant AB,96.040,2024-02-30,\n";
        http.post().uri("/api/v1/lettings/register").contentType(TEXT_CSV).bodyValue(csv)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[*].field").isEqualTo(List.of("line[3].postal_code", "line[4].landlord",
                        "line[4].lease_start"));

        TipSubmitted tip = hotelTip("Refusedgatan 1", "411 01", Instant.now());
        publish(tip);
        assertThat(awaitAssessment(tip.getTipId()).getMatch()).as("nothing of the refused file was stored")
                .isEqualTo(MatchLevel.NONE);
    }

    @Test
    void anImportNeedsCsv() {
        http.post().uri("/api/v1/lettings/register").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void importedPremisesAreMatchedAndAReimportChangesNothing() {
        String csv = header()
                + "IT-0201,Heden 99:5,Importgatan 5,411 02,Göteborg,Higab AB,559900-8884,Import Spa AB,96.040,2025-01-01,\n"
                + "IT-0202,Heden 99:6,Importgatan 6,411 02,Göteborg,Higab AB,,,,,\n";
        http.post().uri("/api/v1/lettings/register").contentType(TEXT_CSV).bodyValue(csv)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"rows\":2,\"added\":2,\"updated\":0}");
        http.post().uri("/api/v1/lettings/register").contentType(TEXT_CSV).bodyValue(csv)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"rows\":2,\"added\":0,\"updated\":2}");

        TipSubmitted tip = taxiTip("Importgatan 5", "411 02", Instant.now());
        publish(tip);
        PremisesAssessed assessment = awaitAssessment(tip.getTipId());
        assertThat(assessment.getMatch()).isEqualTo(MatchLevel.EXACT);
        assertThat(assessment.getPremisesId()).isEqualTo("IT-0201");
        assertThat(assessment.getRiskIndustry()).isTrue();
    }

    @Test
    void premisesThatMovedAreFoundAtTheirNewAddressOnly() {
        importRegister(header() + "IT-0301,Heden 99:7,Flyttgatan 1,411 03,Göteborg,Higab AB,,,,,\n");
        importRegister(header() + "IT-0301,Heden 99:7,Flyttgatan 3,411 03,Göteborg,Higab AB,,,,,\n");

        TipSubmitted atOldAddress = hotelTip("Flyttgatan 1", "411 03", Instant.now());
        TipSubmitted atNewAddress = hotelTip("Flyttgatan 3", "411 03", Instant.now());
        publish(atOldAddress);
        publish(atNewAddress);

        assertThat(awaitAssessment(atOldAddress.getTipId()).getMatch()).isEqualTo(MatchLevel.NONE);
        assertThat(awaitAssessment(atNewAddress.getTipId()).getPremisesId()).isEqualTo("IT-0301");
    }

    void importRegister(String csv) {
        http.post().uri("/api/v1/lettings/register").contentType(TEXT_CSV).bodyValue(csv)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken())
                .exchange()
                .expectStatus().isOk();
    }

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    static String header() {
        return "premises_id,property_designation,street_address,postal_code,city,landlord,tenant_org_number,"
                + "tenant_name,industry_code,lease_start,lease_end\n";
    }

    static String lettingsToken() {
        return TestTokens.token("lettings-demo", "LETTINGS_GROUP", List.of("LETTINGS"));
    }

    /** The first assessment of the tip, waiting for it up to the deadline. */
    static PremisesAssessed awaitAssessment(String tipId) {
        return assessed.awaitMatching(withKey(tipId), 1).get(0).value();
    }

    static Predicate<Record<PremisesAssessed>> withKey(String tipId) {
        return record -> tipId.equals(record.key());
    }

    RecordMetadata publish(TipSubmitted tip) {
        return publisher.publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip).block().getRecordMetadata();
    }

    static TipSubmitted hotelTip(String street, String postalCode, Instant observedAt) {
        return tip(Channel.HOTEL, observedAt)
                .setPremises(HotelPremises.newBuilder().setName("Hotell Test").setRoom("412")
                        .setAddress(address(street, postalCode)).build())
                .build();
    }

    static TipSubmitted taxiTip(String dropOffStreet, String postalCode, Instant observedAt) {
        return tip(Channel.TAXI, observedAt)
                .setTrip(TaxiTrip.newBuilder()
                        .setPickup(TripStop.newBuilder().setAddress(address("Centralstationen", "411 03"))
                                .setTime(observedAt.minusSeconds(900)).build())
                        .setDropoff(TripStop.newBuilder().setAddress(address(dropOffStreet, postalCode))
                                .setTime(observedAt).build())
                        .setPassengers(2).build())
                .build();
    }

    private static Address address(String street, String postalCode) {
        return Address.newBuilder().setStreetAddress(street).setPostalCode(postalCode).setCity("Göteborg").build();
    }

    private static TipSubmitted.Builder tip(Channel channel, Instant observedAt) {
        return TipSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTipId(UUID.randomUUID().toString())
                .setMemberId("member-it")
                .setChannel(channel)
                .setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setObservedAt(observedAt.truncatedTo(ChronoUnit.MILLIS))
                .setIndicators(List.of("PAID_CASH_OR_PREPAID"))
                .setSuspectedMinor(SuspectedMinor.NO)
                .setImmediateDanger(false)
                .setExploitationType(ExploitationType.SEXUAL);
    }
}
