package se.goteborg.vaksam.premises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.premises.RiskLevel;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.Infrastructure;
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
        Infrastructure.registerWithTokens(registry);
    }

    @Autowired EventPublisher publisher;
    @Autowired MongoDatabase database;
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
    void aTipAtAnUnlistedAddressIsAssessedAsNoneAndMakesNoNotice() {
        TipSubmitted unknown = taxiTip("Okändgatan 99", "999 99", Instant.now());
        publish(unknown);

        PremisesAssessed none = awaitAssessment(unknown.getTipId());
        assertThat(none.getMatch()).isEqualTo(MatchLevel.NONE);
        assertThat(none.getMatchConfidence()).isNull();
        assertThat(none.getAddressKey()).isEqualTo("okändgatan 99|99999");
        assertThat(none.getPremisesKey()).as("counted by its address").isEqualTo("okändgatan 99|99999");
        assertThat(none.getPremisesId()).isNull();
        assertThat(none.getLandlord()).isNull();
        assertThat(none.getCategory()).isNull();
        assertThat(none.getRiskIndustry()).isFalse();
        assertThat(none.getTipsLast30Days()).isEqualTo(1);
        assertThat(none.getTipsLast90Days()).isEqualTo(1);
        assertThat(none.getRiskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(none.getRiskReasons()).isEmpty();

        assertThat(Mono.from(database.getCollection("lettings_notices")
                        .countDocuments(Filters.eq("streetAddress", "Okändgatan 99"))).block())
                .as("no notice").isZero();
    }

    /**
     * The issue's case: a hotel tip and a taxi drop-off, the address spelt differently, at the city-let massage salon
     * of the demo register. Only this test sends tips about GBG-L-0001, so its notice holds exactly these two.
     */
    @Test
    void aHotelTipAndATaxiDropOffAtOneCityLetMassageSalonAreLinkedOnOneDatedNotice() {
        Instant observed = Instant.now().minus(1, ChronoUnit.HOURS);
        TipSubmitted hotel = hotelTip("Kungsgatan 12", "411 19", observed);
        publish(hotel);
        PremisesAssessed first = awaitAssessment(hotel.getTipId());
        assertThat(first.getMatch()).isEqualTo(MatchLevel.EXACT);
        assertThat(first.getMatchConfidence()).isEqualTo(1.0);
        assertThat(first.getEventId()).isNotBlank();
        assertThat(first.getAddressKey()).isEqualTo("kungsgatan 12|41119");
        assertThat(first.getPremisesKey()).isEqualTo("GBG-L-0001");
        assertThat(first.getPremisesId()).isEqualTo("GBG-L-0001");
        assertThat(first.getPropertyDesignation()).isEqualTo("Inom Vallgraven 12:4");
        assertThat(first.getLandlord()).isEqualTo("Higab AB");
        assertThat(first.getIndustryCode()).isEqualTo("96.040");
        assertThat(first.getCategory()).isEqualTo("Body care and massage");
        assertThat(first.getRiskIndustry()).isTrue();
        assertThat(first.getTipsLast30Days()).isEqualTo(1);
        assertThat(first.getTipsLast90Days()).isEqualTo(1);
        assertThat(first.getLinkedTipIds()).isEmpty();
        assertThat(first.getRiskLevel()).as("city-let, risk industry").isEqualTo(RiskLevel.ELEVATED);
        assertThat(first.getRiskReasons()).containsExactly("CITY_LET", "RISK_INDUSTRY");

        // A driver's spelling: capitals, the postal code in the street line without its space, "Gbg".
        TipSubmitted taxi = taxiTip("Kungsg. 12, 41119 Gbg", null, observed.plus(20, ChronoUnit.MINUTES));
        publish(taxi);
        PremisesAssessed second = awaitAssessment(taxi.getTipId());
        assertThat(second.getMatch()).isIn(MatchLevel.EXACT, MatchLevel.PROBABLE);
        assertThat(second.getPremisesKey()).as("the same premises, spelt differently").isEqualTo("GBG-L-0001");
        assertThat(second.getTipsLast30Days()).isEqualTo(2);
        assertThat(second.getTipsLast90Days()).isEqualTo(2);
        assertThat(second.getLinkedTipIds()).containsExactly(hotel.getTipId());
        assertThat(second.getRiskLevel()).as("two tips are not yet a repeat").isEqualTo(RiskLevel.ELEVATED);
        assertThat(second.getRiskReasons()).contains("CITY_LET", "RISK_INDUSTRY")
                .doesNotContain("REPEAT_TIPS_30_DAYS", "REPEAT_TIPS_90_DAYS");

        String notice = "/api/v1/lettings/notices/GBG-L-0001";
        Awaitility.await("the notice holds both tips").atMost(TopicRecords.DEADLINE).until(() ->
                lettings().get().uri(notice).exchange().returnResult(String.class).getResponseBody()
                        .blockFirst(Duration.ofSeconds(30)).contains(taxi.getTipId()));
        lettings().get().uri(notice).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.premisesId").isEqualTo("GBG-L-0001")
                .jsonPath("$.propertyDesignation").isEqualTo("Inom Vallgraven 12:4")
                .jsonPath("$.streetAddress").isEqualTo("Kungsgatan 12")
                .jsonPath("$.landlord").isEqualTo("Higab AB")
                .jsonPath("$.category").isEqualTo("Body care and massage")
                .jsonPath("$.industryCode").isEqualTo("96.040")
                .jsonPath("$.riskIndustry").isEqualTo(true)
                .jsonPath("$.match").isEqualTo("EXACT")
                .jsonPath("$.knownSince").isEqualTo(first.getAssessedAt().toString())
                .jsonPath("$.tipCount").isEqualTo(2)
                .jsonPath("$.tipsLast30Days").isEqualTo(2)
                .jsonPath("$.riskLevel").isEqualTo("ELEVATED")
                .jsonPath("$.status").isEqualTo("AWAITING_ACTION")
                .jsonPath("$.tips[*].tipId").isEqualTo(List.of(taxi.getTipId(), hotel.getTipId()))
                .jsonPath("$.tips[*].channel").isEqualTo(List.of("TAXI", "HOTEL"))
                .jsonPath("$.actions").isEmpty()
                .jsonPath("$.tenantName").doesNotExist()
                .jsonPath("$.tips[0].room").doesNotExist();
        lettings().get().uri("/api/v1/lettings/notices").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.notices[?(@.premisesId == 'GBG-L-0001')].tipCount").isEqualTo(List.of(2))
                .jsonPath("$.notices[?(@.premisesId == 'GBG-L-0001')].status").isEqualTo(List.of("AWAITING_ACTION"));

        // Replays change nothing: the same record, and the same tip under a new event id.
        RecordMetadata sameEvent = publish(taxi);
        RecordMetadata sameTipNewEvent = publish(TipSubmitted.newBuilder(hotel)
                .setEventId(UUID.randomUUID().toString()).build());
        TopicRecords.awaitHandled(GROUP, sameEvent);
        TopicRecords.awaitHandled(GROUP, sameTipNewEvent);
        assertThat(assessed.allMatching(withKey(taxi.getTipId()))).hasSize(1);
        assertThat(assessed.allMatching(withKey(hotel.getTipId()))).hasSize(1);
        lettings().get().uri(notice).exchange()
                .expectBody()
                .jsonPath("$.tipCount").isEqualTo(2)
                .jsonPath("$.knownSince").isEqualTo(first.getAssessedAt().toString());

        // The landlord contacts the tenant; the lettings group records it, with the day it was taken.
        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        String key = UUID.randomUUID().toString();
        Map<String, String> action = Map.of("action", "TENANT_CONTACTED", "takenOn", today,
                "reference", "FK 2026/0042");
        for (int attempt = 0; attempt < 2; attempt++) {
            lettings().post().uri(notice + "/actions").header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(action).exchange()
                    .expectStatus().isCreated()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("ACTION_RECORDED")
                    .jsonPath("$.knownSince").isEqualTo(first.getAssessedAt().toString())
                    .jsonPath("$.actions.length()").isEqualTo(1)
                    .jsonPath("$.actions[0].action").isEqualTo("TENANT_CONTACTED")
                    .jsonPath("$.actions[0].takenOn").isEqualTo(today)
                    .jsonPath("$.actions[0].recordedAt").isNotEmpty()
                    .jsonPath("$.actions[0].recordedBy").isEqualTo("lettings-demo")
                    .jsonPath("$.actions[0].reference").isEqualTo("FK 2026/0042")
                    .jsonPath("$.lastAction.action").isEqualTo("TENANT_CONTACTED");
        }
        lettings().post().uri(notice + "/actions").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "NO_ACTION", "takenOn", today)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        lettings().get().uri("/api/v1/lettings/notices").exchange()
                .expectBody()
                .jsonPath("$.notices[?(@.premisesId == 'GBG-L-0001')].status").isEqualTo(List.of("ACTION_RECORDED"))
                .jsonPath("$.notices[?(@.premisesId == 'GBG-L-0001')].lastAction.takenOn").isEqualTo(List.of(today));
    }

    @Test
    void aBadActionIsRefusedFieldByFieldAndUnknownPremisesAreNotFound() {
        importRegister(header() + "IT-0501,Heden 99:8,Actiongatan 1,411 05,Göteborg,Higab AB,559900-7779,"
                + "Action Spa AB,96.040,2024-01-01,\n");
        TipSubmitted atImported = hotelTip("Actiongatan 1", "411 05", Instant.now());
        publish(atImported);
        awaitAssessment(atImported.getTipId());
        String notice = "/api/v1/lettings/notices/IT-0501";
        Awaitility.await("the notice exists").atMost(TopicRecords.DEADLINE).until(() ->
                lettings().get().uri(notice).exchange().returnResult(String.class).getStatus().is2xxSuccessful());

        String tomorrow = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1).toString();
        lettings().post().uri(notice + "/actions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "EVICTED", "takenOn", tomorrow, "reference", "<script>")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("action", "takenOn", "reference"));
        lettings().post().uri(notice + "/actions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "NO_ACTION", "takenOn", "2020-01-01")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("takenOn")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("before"));
        lettings().get().uri(notice).exchange().expectBody().jsonPath("$.actions").isEmpty();

        lettings().get().uri("/api/v1/lettings/notices/IT-9999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(notice).header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.token("police-demo", "POLICE", List.of("RECIPIENT")))
                .exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/lettings/notices").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aTipDeliveredAgainAfterACrashBeforeItsNoticeWritesTheNotice() {
        importRegister(header() + "IT-0401,Heden 99:9,Kraschgatan 1,411 04,Göteborg,Higab AB,559900-6664,"
                + "Krasch Spa AB,96.040,2024-01-01,\n");
        TipSubmitted tip = hotelTip("Kraschgatan 1", "411 04", Instant.now());
        publish(tip);
        PremisesAssessed assessment = awaitAssessment(tip.getTipId());
        String notice = "/api/v1/lettings/notices/IT-0401";
        Awaitility.await("the notice exists").atMost(TopicRecords.DEADLINE).until(() ->
                lettings().get().uri(notice).exchange().returnResult(String.class).getStatus().is2xxSuccessful());

        // As if the service had stopped after storing the assessment and before writing the notice.
        Mono.from(database.getCollection("lettings_notices").deleteOne(Filters.eq("_id", "IT-0401"))).block();
        lettings().get().uri(notice).exchange().expectStatus().isNotFound();
        TopicRecords.awaitHandled(GROUP, publish(TipSubmitted.newBuilder(tip).setEventId(UUID.randomUUID().toString())
                .build()));

        lettings().get().uri(notice).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.tipCount").isEqualTo(1)
                // Dated by the stored assessment, not by the redelivery.
                .jsonPath("$.knownSince").isEqualTo(assessment.getAssessedAt().toString());
        assertThat(assessed.allMatching(withKey(tip.getTipId()))).hasSize(1);
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
    void tipsCountInTheWindowsBeforeTheTipAndOlderOnesNotAtAll() {
        Instant now = Instant.now();
        TipSubmitted tooOld = hotelTip("Linnégatan 44", "413 08", now.minus(100, ChronoUnit.DAYS));
        TipSubmitted old = hotelTip("Linnégatan 44", "413 08", now.minus(40, ChronoUnit.DAYS));
        publish(tooOld);
        awaitAssessment(tooOld.getTipId());
        publish(old);
        assertThat(awaitAssessment(old.getTipId()).getTipsLast90Days()).isEqualTo(2);
        TipSubmitted recent = hotelTip("Linnégatan 44", "413 08", now);
        publish(recent);

        PremisesAssessed assessment = awaitAssessment(recent.getTipId());
        assertThat(assessment.getTipsLast30Days()).isEqualTo(1);
        assertThat(assessment.getTipsLast90Days()).isEqualTo(2);
        assertThat(assessment.getLinkedTipIds()).containsExactly(old.getTipId());
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

    WebTestClient lettings() {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + lettingsToken()).build();
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
