package se.goteborg.vaksam.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static se.goteborg.vaksam.intake.Bodies.REMOVE;
import static se.goteborg.vaksam.intake.Bodies.json;
import static se.goteborg.vaksam.intake.Bodies.with;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.intake.member.MemberEvents;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.platform.sealing.Opener;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TopicRecords;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

/**
 * tip-intake on the real broker, the real registry and a Mongo-compatible store, over real HTTP: members arrive on
 * the member topic the way network-coordination publishes them, and tips leave on the tip topic the way the other
 * services read them.
 */
@SpringBootTest(classes = TipIntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // Polls with one member key until the member topic arrives: not what the limits are for.
                "vaksam.intake.rate-limits.tips-per-member.requests=100000",
                "vaksam.intake.rate-limits.posts-per-address.requests=100000",
                "vaksam.intake.rate-limits.receipt-lookups-per-address.requests=100000",
                "vaksam.intake.rate-limits.failed-receipt-lookups-per-address.requests=100000"})
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class TipIntakeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String CANARY = "canary-" + UUID.randomUUID();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, "tip-intake-it-" + RUN);
    }

    @Autowired WebTestClient client;
    @Autowired MongoDatabase database;

    @BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void hotelAndTaxiTipsLeaveOnceEachWithTheirDetailsOnlySealed(CapturedOutput output) {
        String key = "it-hotel-key-" + RUN;
        MemberEvents.publish("it-hotel-" + RUN, MemberType.HOTEL, MemberStatus.ACTIVE, key, Instant.now());
        Map<String, String> hotel = awaitAccepted("/api/v1/tips/hotel", key, json(canaryHotelTip()));
        Map<String, String> taxi = submit("/api/v1/tips/taxi", key, json(canaryTaxiTip()), null);

        for (Map<String, String> receipt : List.of(hotel, taxi)) {
            String tipId = receipt.get("tipId");
            awaitOutboxEmpty(tipId);
            List<Record<TipSubmitted>> events = tipEvents().stream().filter(r -> r.key().equals(tipId)).toList();
            assertThat(events).as("events of tip %s", tipId).hasSize(1);
            TipSubmitted event = events.get(0).value();
            assertThat(new String(events.get(0).raw(), StandardCharsets.ISO_8859_1)).doesNotContain(CANARY);
            assertThat(event.getTipId()).isEqualTo(tipId);
            assertThat(event.getMemberId()).isEqualTo("it-hotel-" + RUN);
            byte[] sealed = event.getSealedDetails().array();
            // What alert-inbox does with its private keyset:
            String opened = new String(Opener.fromPrivateKeyset(IntakeTestSupport.KEYS.privateKeyset()).open(sealed, tipId),
                    StandardCharsets.UTF_8);
            assertThat(opened).contains("\"description\":\"" + CANARY);

            client.get().uri("/api/v1/receipts/{code}", receipt.get("receiptCode")).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("RECEIVED");
        }
        assertThat(tipEvents().stream().filter(r -> r.key().equals(hotel.get("tipId"))).findFirst().orElseThrow()
                .value().getPremises().getAddress().getPostalCode()).isEqualTo("411 03");

        List<Document> stored = tips();
        assertThat(stored).allSatisfy(tip -> {
            assertThat(tip.toJson()).doesNotContain(CANARY);
            assertThat(tip.keySet()).isSubsetOf(Set.of("_id", "memberId", "channel", "submittedAt", "observedAt",
                    "indicators", "suspectedMinor", "immediateDanger", "exploitationType", "premises", "trip",
                    "sealedDetails", "receiptCode", "idempotencyId", "idempotencyFingerprint", "outbox"));
        });
        assertThat(output.getAll()).doesNotContain(CANARY).doesNotContain(key);
    }

    @Test
    void badInputStoresNothingAndPublishesNothing() {
        String key = "it-bad-input-key-" + RUN;
        String memberId = "it-bad-input-" + RUN;
        MemberEvents.publish(memberId, MemberType.HOTEL, MemberStatus.ACTIVE, key, Instant.now());
        String first = awaitAccepted("/api/v1/tips/hotel", key, json(canaryHotelTip())).get("tipId");
        awaitOutboxEmpty(first);
        long storedBefore = tips().size();

        Consumer<HttpHeaders> asMember = h -> {
            h.setBearerAuth(key);
            h.setContentType(MediaType.APPLICATION_JSON);
        };
        expectProblem("/api/v1/tips/hotel", asMember, "{\"observedAt\":", 400, null);
        expectProblem("/api/v1/tips/hotel", asMember,
                json(with(canaryHotelTip(), "indicators", List.of("NOT_IN_THE_CATALOGUE"))), 400, "indicators[0]");
        expectProblem("/api/v1/tips/taxi", asMember, json(with(canaryTaxiTip(), "trip", REMOVE)), 400, "trip");
        expectProblem("/api/v1/tips/hotel", asMember, json(with(canaryHotelTip(), "premises.postalCode", REMOVE)), 400,
                "premises.postalCode");
        expectProblem("/api/v1/tips/hotel", asMember, json(with(canaryHotelTip(), "clientAddress", "192.0.2.1")), 400,
                "clientAddress");
        expectProblem("/api/v1/tips/hotel", asMember, json(with(canaryHotelTip(), "description", "x".repeat(80_000))),
                413, null);
        expectProblem("/api/v1/tips/hotel", h -> {
            h.setBearerAuth(key);
            h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        }, "observedAt=now", 415, "Content-Type");
        expectProblem("/api/v1/tips/hotel", h -> h.setContentType(MediaType.APPLICATION_JSON), json(canaryHotelTip()),
                401, "Authorization");
        expectProblem("/api/v1/tips/hotel", h -> {
            h.setBearerAuth("unknown-" + key);
            h.setContentType(MediaType.APPLICATION_JSON);
        }, json(canaryHotelTip()), 401, "Authorization");

        String marker = submit("/api/v1/tips/taxi", key, json(canaryTaxiTip()), null).get("tipId");
        awaitOutboxEmpty(marker);
        assertThat(tips()).hasSize((int) storedBefore + 1);
        assertThat(tipEvents().stream().filter(r -> r.value().getMemberId().equals(memberId))
                .map(Record::key)).containsExactlyInAnyOrder(first, marker);
    }

    @Test
    void aRepeatedIdempotencyKeyGivesTheSameReceiptAndOneEvent() {
        String key = "it-idempotency-key-" + RUN;
        MemberEvents.publish("it-idempotency-" + RUN, MemberType.TAXI, MemberStatus.ACTIVE, key, Instant.now());
        awaitAccepted("/api/v1/tips/taxi", key, json(canaryTaxiTip()));
        String idempotencyKey = UUID.randomUUID().toString();

        String body = json(canaryTaxiTip());

        Map<String, String> first = submit("/api/v1/tips/taxi", key, body, idempotencyKey);
        Map<String, String> again = submit("/api/v1/tips/taxi", key, body, idempotencyKey);
        assertThat(again).isEqualTo(first);
        client.post().uri("/api/v1/tips/taxi")
                .headers(h -> h.setBearerAuth(key)).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(with(canaryTaxiTip(), "immediateDanger", true)))
                .exchange()
                .expectStatus().isEqualTo(409);

        awaitOutboxEmpty(first.get("tipId"));
        assertThat(tipEvents().stream().filter(r -> r.key().equals(first.get("tipId")))).hasSize(1);
    }

    @Test
    void aRevokedMembersKeyIsRefused() {
        String key = "it-revoked-key-" + RUN;
        String memberId = "it-revoked-" + RUN;
        Instant enrolled = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MemberEvents.publish(memberId, MemberType.HOTEL, MemberStatus.ACTIVE, key, enrolled);
        awaitAccepted("/api/v1/tips/hotel", key, json(canaryHotelTip()));

        MemberEvents.publish(memberId, MemberType.HOTEL, MemberStatus.REVOKED, key, enrolled.plusSeconds(1));
        Awaitility.await("key refused after revocation").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> client.post().uri("/api/v1/tips/hotel")
                        .headers(h -> h.setBearerAuth(key)).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(json(with(canaryHotelTip(), "description", REMOVE)))
                        .exchange()
                        .expectStatus().isUnauthorized()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // A replay of the older state must not bring the key back.
        MemberEvents.publish(memberId, MemberType.HOTEL, MemberStatus.ACTIVE, key, enrolled);
        String laterKey = "it-revoked-probe-key-" + RUN;
        MemberEvents.publish("it-revoked-probe-" + RUN, MemberType.HOTEL, MemberStatus.ACTIVE, laterKey, Instant.now());
        awaitAccepted("/api/v1/tips/hotel", laterKey, json(canaryHotelTip()));
        client.post().uri("/api/v1/tips/hotel").headers(h -> h.setBearerAuth(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json(canaryHotelTip()))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    private static Map<String, Object> canaryHotelTip() {
        return with(with(IntakeTestSupport.hotelTip(), "observedAt", Instant.now().minusSeconds(600).toString()),
                "description", CANARY + " man in grey coat, room 412");
    }

    private static Map<String, Object> canaryTaxiTip() {
        Instant pickup = Instant.now().minusSeconds(1800);
        return with(with(with(with(IntakeTestSupport.taxiTip(), "observedAt", pickup.plusSeconds(300).toString()),
                        "trip.pickup", Map.of("address", "Nils Ericsonsplatsen 4", "time", pickup.toString())),
                "trip.dropoff", Map.of("address", "Mässans gata 24", "time", pickup.plusSeconds(900).toString())),
                "description", CANARY + " passenger kept quiet");
    }

    /** Submits until the member topic has reached the service; returns the first accepted tip's receipt. */
    private Map<String, String> awaitAccepted(String path, String key, String body) {
        return Awaitility.await("member key accepted").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var result = client.post().uri(path).headers(h -> h.setBearerAuth(key))
                            .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                            .exchange()
                            .expectBody(Map.class)
                            .returnResult();
                    @SuppressWarnings("unchecked")
                    Map<String, String> receipt = result.getStatus().value() == 201 ? result.getResponseBody() : null;
                    return receipt;
                }, receipt -> receipt != null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> submit(String path, String key, String body, String idempotencyKey) {
        return client.post().uri(path)
                .headers(h -> {
                    h.setBearerAuth(key);
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    private void expectProblem(String path, Consumer<HttpHeaders> headers, String body, int status, String field) {
        var response = client.post().uri(path).headers(headers).bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        if (field != null) {
            response.jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList().contains(field));
        }
    }

    private void awaitOutboxEmpty(String tipId) {
        Awaitility.await("outbox of " + tipId + " sent").atMost(DEADLINE).until(() -> {
            Document tip = tips().stream().filter(t -> t.getString("_id").equals(tipId)).findFirst().orElseThrow();
            return tip.getList("outbox", Document.class).isEmpty();
        });
    }

    /** Everything on the tip topic so far, raw and decoded through the registry, as another service sees it. */
    private static List<Record<TipSubmitted>> tipEvents() {
        return TopicRecords.readAll(Topics.TIP_SUBMITTED.name(),
                SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()));
    }

    private List<Document> tips() {
        return Flux.from(database.getCollection("tips").find()).collectList().block();
    }
}
