package se.goteborg.vaksam.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static se.goteborg.vaksam.intake.Bodies.REMOVE;
import static se.goteborg.vaksam.intake.Bodies.json;
import static se.goteborg.vaksam.intake.Bodies.with;
import static se.goteborg.vaksam.intake.IntakeTestSupport.hotelTip;
import static se.goteborg.vaksam.intake.IntakeTestSupport.sha256;
import static se.goteborg.vaksam.intake.IntakeTestSupport.taxiTip;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.intake.IntakeTestSupport;
import se.goteborg.vaksam.intake.RecordingPublisher;
import se.goteborg.vaksam.intake.TipIntakeApplication;
import se.goteborg.vaksam.platform.sealing.Opener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP contract of tip submission, on the whole service minus Kafka: every bad input gets its status and a
 * problem naming the field, and leaves nothing stored and nothing published.
 */
@SpringBootTest(classes = TipIntakeApplication.class, properties = {
        "spring.autoconfigure.exclude=se.goteborg.vaksam.platform.events.EventsAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        // Many requests from one address and one member in moments: RateLimitHttpTest tests the limits.
        "vaksam.intake.rate-limits.tips-per-member.requests=100000",
        "vaksam.intake.rate-limits.posts-per-address.requests=100000",
        "vaksam.intake.rate-limits.receipt-lookups-per-address.requests=100000",
        "vaksam.intake.rate-limits.failed-receipt-lookups-per-address.requests=100000"})
@AutoConfigureWebTestClient
@Import(IntakeTestSupport.Beans.class)
class TipHttpTest {

    private static final String HOTEL = "/api/v1/tips/hotel";
    private static final String TAXI = "/api/v1/tips/taxi";
    private static final String KEY = "unit-test-hotel-key";
    /** Only the bad-input cases use this member, so what they might leave behind is found by member id. */
    private static final String BAD_INPUT_KEY = "unit-test-bad-input-key";
    private static final String IDEMPOTENCY_KEY_MEMBER = "unit-test-idempotency-key";
    private static final String REVOKED_KEY = "unit-test-revoked-key";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.store(registry, "tip-http-test-" + UUID.randomUUID());
    }

    @Autowired WebTestClient client;
    @Autowired MongoDatabase database;
    @Autowired RecordingPublisher publisher;
    @Autowired TipService service;
    @Autowired TipValidator validator;
    @Autowired JsonMapper json;

    @BeforeEach
    void members() {
        // The first requests load Tink and the codecs on a shared 2-core machine.
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        IntakeTestSupport.member(database, "member-hotel", "ACTIVE", sha256(KEY));
        IntakeTestSupport.member(database, "member-bad-input", "ACTIVE", sha256(BAD_INPUT_KEY));
        IntakeTestSupport.member(database, "member-idempotency", "ACTIVE", sha256(IDEMPOTENCY_KEY_MEMBER));
        IntakeTestSupport.member(database, "member-gone", "REVOKED", sha256(REVOKED_KEY));
    }

    record Case(String name, String path, Consumer<HttpHeaders> headers, String body, int status, String field,
                String detail) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badInput() {
        List<Case> cases = new ArrayList<>();
        Consumer<HttpHeaders> json = h -> {
            h.setBearerAuth(BAD_INPUT_KEY);
            h.setContentType(MediaType.APPLICATION_JSON);
        };
        // Issue 2, item 8
        cases.add(new Case("malformed JSON", HOTEL, json, "{\"observedAt\": \"2026-11-27T19:30:00Z\",", 400, null,
                "not valid JSON"));
        cases.add(new Case("unknown indicator code", HOTEL, json,
                json(with(hotelTip(), "indicators", List.of("BOOKER_NOT_OCCUPANT", "NOT_A_CODE"))), 400,
                "indicators[1]", null));
        cases.add(new Case("missing required field", HOTEL, json, json(with(hotelTip(), "observedAt", REMOVE)), 400,
                "observedAt", null));
        cases.add(new Case("oversized body", HOTEL, json,
                json(with(hotelTip(), "description", "x".repeat(70_000))), 413, null, null));
        cases.add(new Case("wrong content type", HOTEL, h -> {
            h.setBearerAuth(BAD_INPUT_KEY);
            h.setContentType(MediaType.TEXT_PLAIN);
        }, json(hotelTip()), 415, "Content-Type", null));
        cases.add(new Case("no content type", HOTEL, h -> h.setBearerAuth(BAD_INPUT_KEY), json(hotelTip()), 415,
                "Content-Type", null));
        cases.add(new Case("missing member key", HOTEL, h -> h.setContentType(MediaType.APPLICATION_JSON),
                json(hotelTip()), 401, "Authorization", null));
        cases.add(new Case("unknown member key", HOTEL, h -> {
            h.setBearerAuth("not-a-member-key");
            h.setContentType(MediaType.APPLICATION_JSON);
        }, json(hotelTip()), 401, "Authorization", null));
        cases.add(new Case("revoked member's key", HOTEL, h -> {
            h.setBearerAuth(REVOKED_KEY);
            h.setContentType(MediaType.APPLICATION_JSON);
        }, json(hotelTip()), 401, "Authorization", null));
        cases.add(new Case("key in another scheme", HOTEL, h -> {
            h.setBasicAuth(BAD_INPUT_KEY, "x");
            h.setContentType(MediaType.APPLICATION_JSON);
        }, json(hotelTip()), 401, "Authorization", null));
        // The rest of the contract
        cases.add(new Case("empty body", HOTEL, json, "", 400, null, null));
        cases.add(new Case("JSON that is not an object", HOTEL, json, "[1,2]", 400, null, null));
        cases.add(new Case("unknown field", HOTEL, json, json(with(hotelTip(), "clientIp", "10.0.0.1")), 400,
                "clientIp", null));
        cases.add(new Case("unknown nested field", HOTEL, json, json(with(hotelTip(), "premises.floor", 4)), 400,
                "premises.floor", null));
        cases.add(new Case("duplicate field", HOTEL, json,
                json(hotelTip()).replaceFirst("\\{", "{\"suspectedMinor\":\"YES\","), 400, null, null));
        cases.add(new Case("boolean as text", HOTEL, json, json(with(hotelTip(), "immediateDanger", "yes")), 400,
                "immediateDanger", null));
        cases.add(new Case("missing immediateDanger", HOTEL, json, json(with(hotelTip(), "immediateDanger", REMOVE)),
                400, "immediateDanger", null));
        cases.add(new Case("indicators not an array", HOTEL, json, json(with(hotelTip(), "indicators", "STREAM_OF_MEN")),
                400, "indicators", null));
        cases.add(new Case("missing indicators", HOTEL, json, json(with(hotelTip(), "indicators", REMOVE)), 400,
                "indicators", null));
        cases.add(new Case("no indicator and no description", HOTEL, json,
                json(with(with(hotelTip(), "indicators", List.of()), "description", REMOVE)), 400, "indicators", null));
        cases.add(new Case("too many indicators", HOTEL, json,
                json(with(hotelTip(), "indicators", Collections.nCopies(41, "STREAM_OF_MEN"))), 400, "indicators", null));
        cases.add(new Case("taxi indicator on a hotel tip", HOTEL, json,
                json(with(hotelTip(), "indicators", List.of("COMPANION_CONTROLS"))), 400, "indicators[0]", null));
        cases.add(new Case("null indicator", HOTEL, json,
                json(with(hotelTip(), "indicators", Arrays.asList("STREAM_OF_MEN", null))), 400,
                "indicators[1]", null));
        cases.add(new Case("unknown suspectedMinor", HOTEL, json, json(with(hotelTip(), "suspectedMinor", "MAYBE")),
                400, "suspectedMinor", null));
        cases.add(new Case("missing suspectedMinor", HOTEL, json, json(with(hotelTip(), "suspectedMinor", REMOVE)),
                400, "suspectedMinor", null));
        cases.add(new Case("unknown exploitationType", HOTEL, json,
                json(with(hotelTip(), "exploitationType", "sexual")), 400, "exploitationType", null));
        cases.add(new Case("observedAt not a time", HOTEL, json, json(with(hotelTip(), "observedAt", "yesterday")),
                400, "observedAt", null));
        cases.add(new Case("observedAt in the future", HOTEL, json,
                json(with(hotelTip(), "observedAt", "2026-11-27T20:10:00Z")), 400, "observedAt", null));
        cases.add(new Case("observedAt over a year ago", HOTEL, json,
                json(with(hotelTip(), "observedAt", "2025-11-01T20:00:00Z")), 400, "observedAt", null));
        cases.add(new Case("description too long", HOTEL, json,
                json(with(hotelTip(), "description", "é".repeat(TipValidator.MAX_DESCRIPTION + 1))), 400,
                "description", null));
        cases.add(new Case("description with control characters", HOTEL, json,
                json(with(hotelTip(), "description", "a\u0000b")), 400, "description", null));
        cases.add(new Case("reporterContact too long", HOTEL, json,
                json(with(hotelTip(), "reporterContact", "x".repeat(TipValidator.MAX_CONTACT + 1))), 400,
                "reporterContact", null));
        cases.add(new Case("missing premises", HOTEL, json, json(with(hotelTip(), "premises", REMOVE)), 400,
                "premises", null));
        cases.add(new Case("missing premises name", HOTEL, json, json(with(hotelTip(), "premises.name", " ")), 400,
                "premises.name", null));
        cases.add(new Case("missing street address", HOTEL, json,
                json(with(hotelTip(), "premises.streetAddress", REMOVE)), 400, "premises.streetAddress", null));
        cases.add(new Case("postal code of four digits", HOTEL, json,
                json(with(hotelTip(), "premises.postalCode", "4110")), 400, "premises.postalCode", null));
        cases.add(new Case("missing city", HOTEL, json, json(with(hotelTip(), "premises.city", REMOVE)), 400,
                "premises.city", null));
        cases.add(new Case("room too long", HOTEL, json, json(with(hotelTip(), "premises.room", "r".repeat(21))), 400,
                "premises.room", null));
        cases.add(new Case("name on two lines", HOTEL, json, json(with(hotelTip(), "premises.name", "Hotel\nX")), 400,
                "premises.name", null));
        cases.add(new Case("bad Idempotency-Key", HOTEL, json.andThen(h -> h.set("Idempotency-Key", "has spaces in it")),
                json(hotelTip()), 400, "Idempotency-Key", null));
        cases.add(new Case("missing trip", TAXI, json, json(with(taxiTip(), "trip", REMOVE)), 400, "trip", null));
        cases.add(new Case("missing pickup", TAXI, json, json(with(taxiTip(), "trip.pickup", REMOVE)), 400,
                "trip.pickup", null));
        cases.add(new Case("missing pickup address", TAXI, json,
                json(with(taxiTip(), "trip.pickup", Map.of("time", "2026-11-27T20:35"))), 400, "trip.pickup.address",
                null));
        cases.add(new Case("dropoff time not a time", TAXI, json,
                json(with(taxiTip(), "trip.dropoff", Map.of("address", "Mässans gata 24", "time", "kl 21"))), 400,
                "trip.dropoff.time", null));
        cases.add(new Case("dropoff before pickup", TAXI, json,
                json(with(taxiTip(), "trip.dropoff", Map.of("address", "Mässans gata 24", "time", "2026-11-27T20:00"))),
                400, "trip.dropoff.time", null));
        cases.add(new Case("no passengers", TAXI, json, json(with(taxiTip(), "trip.passengers", 0)), 400,
                "trip.passengers", null));
        cases.add(new Case("too many passengers", TAXI, json, json(with(taxiTip(), "trip.passengers", 21)), 400,
                "trip.passengers", null));
        cases.add(new Case("passengers not a number", TAXI, json, json(with(taxiTip(), "trip.passengers", "two")), 400,
                "trip.passengers", null));
        cases.add(new Case("vehicleRef too long", TAXI, json, json(with(taxiTip(), "trip.vehicleRef", "V".repeat(21))),
                400, "trip.vehicleRef", null));
        cases.add(new Case("hotel indicator on a taxi tip", TAXI, json,
                json(with(taxiTip(), "indicators", List.of("STREAM_OF_MEN"))), 400, "indicators[0]", null));
        cases.add(new Case("premises on a taxi tip", TAXI, json,
                json(with(taxiTip(), "premises", hotelTip().get("premises"))), 400, "premises", null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingTheFieldAndLeavesNoTrace(Case c) {
        var response = client.post().uri(c.path())
                .headers(c.headers())
                .bodyValue(c.body().getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isEqualTo(c.status())
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(c.status());
        if (c.field() != null) {
            response.jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList().contains(c.field()));
        }
        if (c.detail() != null) {
            response.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(c.detail()));
        }
        if (c.status() == 401) {
            client.post().uri(c.path()).headers(c.headers()).bodyValue(c.body()).exchange()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        assertThat(tips()).filteredOn(tip -> !tip.containsKey("memberId") || tip.get("memberId") == null
                || tip.get("memberId").equals("member-bad-input")).isEmpty();
        assertThat(publisher.published()).filteredOn(p -> !(p.value() instanceof TipSubmitted tip)
                || tip.getMemberId().equals("member-bad-input")).isEmpty();
    }

    @Test
    void everyOffendingFieldIsNamedInOneProblem() {
        var body = with(with(with(hotelTip(), "suspectedMinor", "MAYBE"), "premises.postalCode", "x"), "observedAt",
                REMOVE);
        client.post().uri(HOTEL).headers(h -> h.setBearerAuth(KEY)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(body))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList()
                        .containsExactlyInAnyOrder("observedAt", "suspectedMinor", "premises.postalCode"));
    }

    @Test
    void aHotelTipIsStoredWithItsDetailsSealedAndPublishedOnce() {
        var receipt = submit(HOTEL, json(hotelTip()), null);
        String tipId = receipt.get("tipId");

        Document tip = tip(tipId);
        assertThat(tip.toJson()).doesNotContain("canary");
        assertThat(tip.getString("receiptCode")).isEqualTo(receipt.get("receiptCode"));
        assertThat(tip.get("premises", Document.class).getString("postalCode")).isEqualTo("411 03");
        byte[] sealed = tip.get("sealedDetails", Binary.class).getData();
        String opened = new String(Opener.fromPrivateKeyset(IntakeTestSupport.KEYS.privateKeyset()).open(sealed, tipId),
                StandardCharsets.UTF_8);
        assertThat(opened).isEqualTo(
                "{\"description\":\"canary-description-7f3a\",\"reporterContact\":\"canary-contact-0701234567\"}");

        TipSubmitted event = awaitEvent(tipId);
        assertThat(event.getMemberId()).isEqualTo("member-hotel");
        assertThat(event.getIndicators()).containsExactly("BOOKER_NOT_OCCUPANT", "MANY_VISITORS_TO_ROOM");
        assertThat(event.getPremises().getAddress().getPostalCode()).isEqualTo("411 03");
        assertThat(event.getObservedAt()).isEqualTo(Instant.parse("2026-11-27T19:30:00Z"));
        assertThat(new String(event.getSealedDetails().array(), StandardCharsets.ISO_8859_1)).doesNotContain("canary");
        Awaitility.await("outbox emptied").atMost(Duration.ofSeconds(10))
                .until(() -> tip(tipId).getList("outbox", Document.class).isEmpty());
        assertThat(publisher.published()).filteredOn(p -> p.key().equals(tipId)).hasSize(1);
    }

    @Test
    void aTaxiTipTakesLocalTimesAsSwedishTime() {
        var receipt = submit(TAXI, json(taxiTip()), null);

        TipSubmitted event = awaitEvent(receipt.get("tipId"));
        assertThat(event.getObservedAt()).isEqualTo(Instant.parse("2026-11-27T19:45:00Z"));
        assertThat(event.getTrip().getPickup().getTime()).isEqualTo(Instant.parse("2026-11-27T19:35:00Z"));
        assertThat(event.getTrip().getPassengers()).isEqualTo(2);
        assertThat(event.getPremises()).isNull();
    }

    @Test
    void aTipWithoutDetailsHasNothingSealed() {
        var body = with(with(hotelTip(), "description", REMOVE), "reporterContact", REMOVE);
        var receipt = submit(HOTEL, json(body), null);

        assertThat(tip(receipt.get("tipId")).containsKey("sealedDetails")).isFalse();
        assertThat(awaitEvent(receipt.get("tipId")).getSealedDetails()).isNull();
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheSameReceiptAndStoresNothingMore() {
        String key = UUID.randomUUID().toString();
        var first = submit(HOTEL, IDEMPOTENCY_KEY_MEMBER, json(hotelTip()), key);
        // Same content, other layout: still the same request.
        var again = client.post().uri(HOTEL).headers(h -> h.setBearerAuth(IDEMPOTENCY_KEY_MEMBER)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(hotelTip()).replace(",", " ,\n"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);

        client.post().uri(HOTEL).headers(h -> h.setBearerAuth(IDEMPOTENCY_KEY_MEMBER)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(with(hotelTip(), "suspectedMinor", "YES")))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        assertThat(tips()).filteredOn(tip -> tip.get("memberId").equals("member-idempotency")).hasSize(1);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyStoreOneTip() {
        var request = json.readValue(json(hotelTip()), TipRequests.HotelTipRequest.class);
        Tip tip = validator.validate(request);
        String key = UUID.randomUUID().toString();

        List<TipService.Submitted> results = Flux.range(0, 8)
                .flatMap(i -> service.submit("member-race", request, tip, key).subscribeOn(Schedulers.parallel()))
                .collectList()
                .block();

        assertThat(results).extracting(result -> result.receipt().tipId()).containsOnly(results.get(0).receipt().tipId());
        assertThat(results).filteredOn(result -> !result.replayed()).hasSize(1);
        assertThat(tips()).filteredOn(stored -> stored.get("memberId").equals("member-race")).hasSize(1);
    }

    @Test
    void receiptsShowTheStatusByCodeHoweverItIsTyped() {
        var receipt = submit(HOTEL, json(hotelTip()), null);
        String typed = receipt.get("receiptCode").toLowerCase().replace("-", " ");

        client.get().uri("/api/v1/receipts/{code}", typed).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.receiptCode").isEqualTo(receipt.get("receiptCode"))
                .jsonPath("$.status").isEqualTo("RECEIVED")
                .jsonPath("$.tipId").doesNotExist();
        client.get().uri("/api/v1/receipts/VK-0000-0000-0000-0000").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/v1/receipts/not-a-code").exchange().expectStatus().isNotFound();
    }

    @Test
    void nothingElseIsServed() {
        client.get().uri("/api/v1/tips/hotel").exchange().expectStatus().is4xxClientError();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> submit(String path, String body, String idempotencyKey) {
        return submit(path, KEY, body, idempotencyKey);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> submit(String path, String memberKey, String body, String idempotencyKey) {
        return client.post().uri(path)
                .headers(h -> {
                    h.setBearerAuth(memberKey);
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/v1/receipts/VK-"))
                .expectBody(Map.class)
                .value(receipt -> assertThat(receipt).containsOnlyKeys("tipId", "receiptCode", "status")
                        .containsEntry("status", "RECEIVED"))
                .returnResult().getResponseBody();
    }

    private TipSubmitted awaitEvent(String tipId) {
        return Awaitility.await("TipSubmitted " + tipId).atMost(Duration.ofSeconds(10))
                .until(() -> publisher.published().stream().filter(p -> p.key().equals(tipId))
                        .map(p -> (TipSubmitted) p.value()).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private List<Document> tips() {
        return Flux.from(database.getCollection(TipCollection.NAME).find()).collectList().block();
    }

    private Document tip(String tipId) {
        return Mono.from(database.getCollection(TipCollection.NAME).find(new Document("_id", tipId)).first()).block();
    }
}
