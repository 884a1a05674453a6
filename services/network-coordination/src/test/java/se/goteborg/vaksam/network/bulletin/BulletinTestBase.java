package se.goteborg.vaksam.network.bulletin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.MutableClock;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;

/**
 * The service on the real broker, registry and store, with an SMTP server in the JVM, a clock the test moves, and
 * tokens as identity issues them. The sweep's own passes come at start-up and when a change asks for one; tests run
 * further passes themselves ({@link #pass()}) after moving the clock.
 */
abstract class BulletinTestBase {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final TestSmtp SMTP = new TestSmtp();
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.registerWithTokens(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @LocalServerPort int port;
    @Autowired MongoDatabase database;
    @Autowired MutableClock clock;
    @Autowired BulletinSweep sweep;

    WebTestClient client() {
        return WebTestClient.bindToServer().responseTimeout(DEADLINE).baseUrl("http://localhost:" + port).build();
    }

    PageBrowser browser(String token) {
        return new PageBrowser(client().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }

    /** One pass of the sweep, to its end. */
    void pass() {
        sweep.runOnce().block(DEADLINE);
    }

    /** Enrols a member through the member API; {@code email} may be null. Emits its id. */
    String member(String type, String name, String district, String email) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "name", name, "orgNumber", "556000-0001",
                "district", district));
        if (email != null) {
            body.put("contact", Map.of("name", "Receptionen", "email", email));
        }
        Map<String, Object> issued = client().post().uri("/api/v1/members")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> member = (Map<String, Object>) issued.get("member");
        return (String) member.get("memberId");
    }

    static String address(String what) {
        return what + "-" + UUID.randomUUID() + "@members.example";
    }

    /** A bulletin request for these targets and times ({@code publishAt} null: now). */
    static Map<String, Object> bulletin(String title, List<String> memberTypes, List<String> districts,
                                        Instant publishAt, Instant expiresAt) {
        Map<String, Object> body = new HashMap<>(Map.of("titleSv", title + " (sv)", "titleEn", title + " (en)",
                "bodySv", "Inför mässan: var uppmärksam.\n\nRing 112 vid fara.",
                "bodyEn", "Before the fair: keep your eyes open.\n\nCall 112 in an emergency.",
                "memberTypes", memberTypes, "districts", districts, "expiresAt", expiresAt.toString()));
        if (publishAt != null) {
            body.put("publishAt", publishAt.toString());
        }
        return body;
    }

    Map<String, Object> create(Map<String, Object> request) {
        return client().post().uri(BulletinHandler.PATH).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }

    /** The bulletin with its deliveries, as the API gives it. */
    Map<String, Object> read(String bulletinId) {
        return client().get().uri(BulletinHandler.PATH + "/" + bulletinId)
                .headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> deliveries(Map<String, Object> bulletin) {
        return (List<Map<String, Object>>) bulletin.get("deliveries");
    }

    /** The delivery to this member, once it satisfies {@code expected}'s entries. */
    Map<String, Object> awaitDelivery(String bulletinId, String memberId, Map<String, Object> expected) {
        return Awaitility.await("delivery of " + bulletinId + " to " + memberId + " " + expected).atMost(DEADLINE)
                .until(() -> delivery(read(bulletinId), memberId),
                        delivery -> delivery != null && delivery.entrySet().containsAll(expected.entrySet()));
    }

    static Map<String, Object> delivery(Map<String, Object> bulletin, String memberId) {
        return deliveries(bulletin).stream().filter(d -> memberId.equals(d.get("memberId"))).findFirst().orElse(null);
    }

    static List<Record<BulletinChanged>> records(String bulletinId) {
        return TopicRecords.<BulletinChanged>readAll(Topics.BULLETIN_CHANGED.name(),
                        SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())).stream()
                .filter(r -> bulletinId.equals(r.key()))
                .toList();
    }

    Document stored(String bulletinId) {
        return Mono.from(database.getCollection(BulletinRepository.COLLECTION)
                .find(Filters.eq("_id", bulletinId)).first()).block(DEADLINE);
    }

    void awaitOutboxEmpty(String bulletinId) {
        Awaitility.await("outbox of " + bulletinId + " emptied").atMost(DEADLINE)
                .until(() -> Outbox.entries(stored(bulletinId)).isEmpty());
    }
}
