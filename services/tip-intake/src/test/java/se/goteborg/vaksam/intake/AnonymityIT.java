package se.goteborg.vaksam.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
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
import se.goteborg.vaksam.intake.member.MemberEvents;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TopicRecords;

/**
 * A tipster stays anonymous: whatever their browser or the gateway tells intake about them (address, user agent,
 * the page they came from, cookies) is in no log line, no stored document and no published event. The service runs
 * behind a (simulated) gateway, so the address is really read and hashed for the rate limits, and logs at TRACE, so
 * nothing hides below the production log level.
 */
@SpringBootTest(classes = TipIntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.intake.trust-forwarded-for=true", "logging.level.se.goteborg.vaksam=TRACE",
                "vaksam.intake.rate-limits.tips-per-member.requests=100000",
                "vaksam.intake.rate-limits.posts-per-address.requests=100000"})
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class AnonymityIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADDRESS = "203.0.113.77";
    private static final String USER_AGENT = "CanaryAgent/9.9";
    private static final String REFERER = "https://canary-referer.example/room-412?guest=canary";
    private static final String COOKIE = "canary-cookie-" + RUN;
    private static final List<String> CANARIES = List.of(ADDRESS, "CanaryAgent", "canary-referer", COOKIE);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, "tip-intake-anonymity-it-" + RUN);
    }

    @Autowired WebTestClient client;
    @Autowired MongoDatabase database;

    @Test
    void nothingAboutTheSenderIsLoggedStoredOrPublished(CapturedOutput output) {
        String key = "it-anonymity-key-" + RUN;
        MemberEvents.publish("it-anonymity-" + RUN, MemberType.HOTEL, MemberStatus.ACTIVE, key, Instant.now());
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        Consumer<HttpHeaders> identifying = headers -> {
            headers.set("X-Forwarded-For", ADDRESS);
            headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
            headers.set(HttpHeaders.REFERER, REFERER);
            headers.add(HttpHeaders.COOKIE, "vaksam_lang=sv; tracking=" + COOKIE);
        };

        @SuppressWarnings("unchecked")
        Map<String, String> receipt = Awaitility.await("member key accepted").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var result = client.post().uri("/api/v1/tips/hotel")
                            .headers(identifying.andThen(h -> h.setBearerAuth(key)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Bodies.json(tip()))
                            .exchange()
                            .expectBody(Map.class)
                            .returnResult();
                    return result.getStatus().value() == 201 ? (Map<String, String>) result.getResponseBody() : null;
                }, response -> response != null);
        String tipId = receipt.get("tipId");

        client.get().uri("/api/v1/receipts/{code}", receipt.get("receiptCode")).headers(identifying).exchange()
                .expectStatus().isOk();
        client.get().uri("/api/v1/receipts/VK-0000-0000-0000-0000").headers(identifying).exchange()
                .expectStatus().isNotFound();
        client.post().uri("/api/v1/tips/taxi").headers(identifying.andThen(h -> h.setBearerAuth(key)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"observedAt\": 1}")
                .exchange()
                .expectStatus().isBadRequest();
        client.post().uri("/api/v1/tips/hotel").headers(identifying.andThen(h -> h.setBearerAuth("unknown-" + key)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Bodies.json(tip()))
                .exchange()
                .expectStatus().isUnauthorized();
        Awaitility.await("tip published").atMost(DEADLINE).until(() -> documents("tips").stream()
                .filter(tip -> tip.getString("_id").equals(tipId))
                .allMatch(tip -> tip.getList("outbox", Document.class).isEmpty()));

        List<String> stored = new ArrayList<>();
        for (String collection : Flux.from(database.listCollectionNames()).collectList().block()) {
            documents(collection).forEach(document -> stored.add(collection + ": " + document.toJson()));
        }
        assertThat(stored).as("every document of the intake database").isNotEmpty()
                .anySatisfy(document -> assertThat(document).contains(tipId));
        List<String> published = TopicRecords.readAll(Topics.TIP_SUBMITTED.name(),
                        SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())).stream()
                .map(record -> new String(record.raw(), StandardCharsets.ISO_8859_1)).toList();
        assertThat(published).isNotEmpty();
        for (String canary : CANARIES) {
            assertThat(output.getAll()).as("the log").doesNotContain(canary);
            assertThat(stored).as("the intake database").noneSatisfy(document -> assertThat(document).contains(canary));
            assertThat(published).as("the tip topic").noneSatisfy(record -> assertThat(record).contains(canary));
        }
    }

    @Test
    void theServersAccessLogStaysSilentEvenIfSwitchedOn() {
        // -Dreactor.netty.http.server.accessLogEnabled=true would log every address and path (receipt codes).
        assertThat(LoggerFactory.getLogger("reactor.netty.http.server.AccessLog").isErrorEnabled()).isFalse();
    }

    private static Map<String, Object> tip() {
        return Bodies.with(IntakeTestSupport.hotelTip(), "observedAt", Instant.now().minusSeconds(600).toString());
    }

    private List<Document> documents(String collection) {
        return Flux.from(database.getCollection(collection).find()).collectList().block();
    }
}
