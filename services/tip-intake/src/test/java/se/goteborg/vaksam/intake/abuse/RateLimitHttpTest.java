package se.goteborg.vaksam.intake.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static se.goteborg.vaksam.intake.IntakeTestSupport.sha256;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import se.goteborg.vaksam.intake.Bodies;
import se.goteborg.vaksam.intake.IntakeTestSupport;
import se.goteborg.vaksam.intake.TipIntakeApplication;

/**
 * The limits through the service's whole filter chain: a refused request is refused before anything reads or
 * stores it, and every response carries the hardening headers. Behind a (simulated) gateway, so each test is its
 * own client address.
 */
@SpringBootTest(classes = TipIntakeApplication.class, properties = {
        "spring.autoconfigure.exclude=se.goteborg.vaksam.platform.events.EventsAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "vaksam.intake.trust-forwarded-for=true",
        "vaksam.intake.rate-limits.tips-per-member.requests=3",
        "vaksam.intake.rate-limits.tips-per-member.per=1m",
        "vaksam.intake.rate-limits.failed-receipt-lookups-per-address.requests=2",
        "vaksam.intake.rate-limits.failed-receipt-lookups-per-address.per=15m"})
@AutoConfigureWebTestClient
@Import({IntakeTestSupport.Beans.class, RateLimitHttpTest.Time.class})
class RateLimitHttpTest {

    private static final String HOTEL = "/api/v1/tips/hotel";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.store(registry, "rate-limit-http-test-" + UUID.randomUUID());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        FakeTime fakeTime() {
            return new FakeTime();
        }
    }

    @Autowired WebTestClient client;
    @Autowired MongoDatabase database;
    @Autowired FakeTime time;

    @BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aMemberOverItsLimitIsRefusedBeforeAnythingReadsTheRequest() {
        String key = "rate-limit-key-" + UUID.randomUUID();
        String memberId = member(key);
        for (int i = 0; i < 3; i++) {
            String address = "198.51.100." + i;
            client.post().uri(HOTEL).headers(h -> {
                        h.setBearerAuth(key);
                        h.set(ClientAddresses.FORWARDED_FOR, address);
                    })
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Bodies.json(IntakeTestSupport.hotelTip()))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
        }

        // Not even JSON: the limit answers before the content type or the body is looked at.
        client.post().uri(HOTEL).headers(h -> {
                    h.setBearerAuth(key);
                    h.set(ClientAddresses.FORWARDED_FOR, "198.51.100.9");
                })
                .contentType(MediaType.TEXT_PLAIN).bodyValue("not a tip")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "20")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.retryAfterSeconds").isEqualTo(20);
        assertThat(tipsOf(memberId)).hasSize(3);

        time.advance(Duration.ofSeconds(20));
        client.post().uri(HOTEL).headers(h -> {
                    h.setBearerAuth(key);
                    h.set(ClientAddresses.FORWARDED_FOR, "198.51.100.9");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Bodies.json(IntakeTestSupport.hotelTip()))
                .exchange()
                .expectStatus().isCreated();
        assertThat(tipsOf(memberId)).hasSize(4);
    }

    @Test
    void guessingReceiptCodesIsStoppedAfterAFewMisses() {
        String key = "rate-limit-receipt-key-" + UUID.randomUUID();
        member(key);
        @SuppressWarnings("unchecked")
        Map<String, String> receipt = client.post().uri(HOTEL).headers(h -> {
                    h.setBearerAuth(key);
                    h.set(ClientAddresses.FORWARDED_FOR, "203.0.113.10");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Bodies.json(IntakeTestSupport.hotelTip()))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String code = receipt.get("receiptCode");
        String guesser = "203.0.113.20";

        for (String guess : List.of("VK-0000-0000-0000-0000", "not-a-code")) {
            client.get().uri("/api/v1/receipts/{code}", guess).header(ClientAddresses.FORWARDED_FOR, guesser)
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        }
        client.get().uri("/api/v1/receipts/{code}", code).header(ClientAddresses.FORWARDED_FOR, guesser)
                .exchange()
                .expectStatus().isEqualTo(429)
                // Two misses per quarter hour: one more every 7.5 minutes.
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "450");

        client.get().uri("/api/v1/receipts/{code}", code).header(ClientAddresses.FORWARDED_FOR, "203.0.113.21")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/v1/receipts/{code}", code).header(ClientAddresses.FORWARDED_FOR, "203.0.113.21")
                    .exchange()
                    .expectStatus().isOk();
        }

        time.advance(Duration.ofMinutes(15));
        client.get().uri("/api/v1/receipts/{code}", code).header(ClientAddresses.FORWARDED_FOR, guesser)
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void aPageOverItsLimitIsAPageInTheVisitorsLanguage() {
        String guesser = "203.0.113.30";
        for (String guess : List.of("VK-1111-1111-1111-1111", "VK-2222-2222-2222-2222")) {
            client.get().uri("/api/v1/receipts/{code}", guess).header(ClientAddresses.FORWARDED_FOR, guesser)
                    .exchange()
                    .expectStatus().isNotFound();
        }
        String page = client.post().uri("/intake/receipt").headers(h -> {
                    h.set(ClientAddresses.FORWARDED_FOR, guesser);
                    h.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("code=VK-3333-3333-3333-3333")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "450")
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(Jsoup.parse(page).selectFirst("h1").text()).isEqualTo("Please wait a moment");
        assertThat(Jsoup.parse(page).selectFirst("html").attr("lang")).isEqualTo("en");
    }

    private String member(String key) {
        String memberId = "member-" + UUID.randomUUID();
        IntakeTestSupport.member(database, memberId, "ACTIVE", sha256(key));
        return memberId;
    }

    private List<Document> tipsOf(String memberId) {
        return Flux.from(database.getCollection("tips").find(new Document("memberId", memberId))).collectList()
                .block();
    }
}
