package se.goteborg.vaksam.inbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.inbox.AlertInboxApplication;
import se.goteborg.vaksam.inbox.webhook.TestReceiver.Received;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.platform.sealing.Keysets;
import se.goteborg.vaksam.platform.sealing.Opener;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.MutableClock;
import se.goteborg.vaksam.testsupport.MutableClockConfiguration;
import se.goteborg.vaksam.testsupport.TestTokens;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks on the real broker, registry and store, delivering to a local HTTPS receiver whose certificate a private
 * CA signed. Time is the test's clock: a back-off is passed by moving it, and each wait is for a named state.
 * The context has consumer groups and a database of its own, and is closed after this class, so it never takes
 * records or partitions from another test's context in the same JVM.
 */
@SpringBootTest(classes = {AlertInboxApplication.class, MutableClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.security.issuer=" + TestTokens.ISSUER,
                "vaksam.inbox.webhooks.allowed-private-hosts=localhost",
                "vaksam.inbox.webhooks.sweep-interval=100ms",
                "vaksam.inbox.webhooks.connect-timeout=2s",
                "vaksam.inbox.webhooks.response-timeout=5s",
                "vaksam.inbox.webhooks.retries.max-attempts=4"})
@DirtiesContext
class WebhookIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Keysets.KeysetPair KEYS = Keysets.generate();
    private static final TestCertificates CA = new TestCertificates();
    private static final TestReceiver RECEIVER = new TestReceiver(CA.issue("localhost", "127.0.0.1"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Duration> BACK_OFF = List.of(Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofSeconds(40));

    private static final String POLICE = TestTokens.recipient("police-demo", "POLICE");
    private static final String MIKA = TestTokens.recipient("mika-demo", "MIKAMOTTAGNINGEN");
    private static final String CHILDREN = TestTokens.recipient("social-children-demo", "SOCIAL_SERVICES_CHILDREN");
    private static final String REGION = TestTokens.recipient("region-coordinators-demo", "REGION_COORDINATORS");
    private static final String LETTINGS = TestTokens.token("lettings-demo", "LETTINGS_GROUP",
            List.of("RECIPIENT", "LETTINGS"));

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry);
        registry.add("vaksam.mongo.database", () -> "alert-inbox-webhook-it-" + RUN);
        registry.add("vaksam.inbox.webhooks.consumer", () -> "webhook-it-" + RUN);
        registry.add("vaksam.inbox.webhooks.trusted-certificates", () -> CA.caFile().toUri().toString());
        registry.add("vaksam.security.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("vaksam.sealing.private-keyset", KEYS::privateKeyset);
        registry.add("vaksam.sealing.tipster.public-keyset", () -> Keysets.generate().publicKeyset());
    }

    @LocalServerPort int port;
    @Autowired MutableClock clock;
    @Autowired EventPublisher publisher;
    @Autowired MongoDatabase database;

    private final List<Map.Entry<String, String>> registered = new ArrayList<>();

    /** Each test's webhooks go, so no later test's events reach them. */
    @AfterEach
    void deleteWebhooks() {
        registered.forEach(webhook -> client().delete().uri("/api/v1/webhooks/" + webhook.getValue())
                .headers(h -> h.setBearerAuth(webhook.getKey())).exchange().expectBody());
    }

    @Test
    void routedAlertsAndStatusChangesArriveSignedWithIdsAndCodesOnly() {
        String name = "signed-" + UUID.randomUUID();
        Map<String, Object> created = client().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(POLICE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", RECEIVER.url(name), "description", "Polisens larmcentral"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectHeader().valueMatches("Location", "/api/v1/webhooks/[0-9a-f-]{36}")
                .expectBody(MAP).returnResult().getResponseBody();
        String webhookId = (String) created.get("webhookId");
        String secret = (String) created.get("secret");
        registered.add(Map.entry(POLICE, webhookId));
        assertThat(created).containsEntry("url", RECEIVER.url(name)).containsEntry("recipient", "POLICE")
                .containsEntry("description", "Polisens larmcentral").containsEntry("createdBy", "police-demo")
                .containsKey("createdAt");
        assertThat(secret).hasSize(43);
        assertThat(webhook(POLICE, webhookId)).doesNotContainKey("secret").containsEntry("url", RECEIVER.url(name));
        assertThat(webhooks(POLICE)).filteredOn(w -> webhookId.equals(w.get("webhookId"))).singleElement()
                .satisfies(w -> assertThat(w).doesNotContainKey("secret"));
        Document stored = storedWebhook(webhookId);
        assertThat(stored.toJson()).doesNotContain(secret);
        assertThat(new String(Opener.fromPrivateKeyset(KEYS.privateKeyset()).open(
                stored.get("sealedSecret", Binary.class).getData(), "webhook-secret:" + webhookId),
                StandardCharsets.US_ASCII)).as("sealed to the inbox's key, bound to the webhook").isEqualTo(secret);

        AlertRouted routed = publishRouted(Recipient.POLICE);
        Received first = awaitReceived(name, 1).get(0);
        assertSigned(first, secret);
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(first.header("Vaksam-Webhook-Id")).isEqualTo(webhookId);
        assertThat(first.header("Vaksam-Delivery-Id")).isEqualTo(Delivery.deliveryId(routed.getEventId(),
                webhookId));
        assertThat(first.header("Vaksam-Event-Id")).isEqualTo(routed.getEventId());
        assertThat(first.header("Vaksam-Event-Type")).isEqualTo("alert.routed");
        assertThat(first.header("Vaksam-Delivery-Attempt")).isEqualTo("1");
        assertThat(first.body()).doesNotContain(WebhookEvents.PERSONAL);
        Map<String, Object> body = read(first.body());
        assertThat(body).containsEntry("eventId", routed.getEventId()).containsEntry("type", "alert.routed");
        assertThat(Instant.parse((String) body.get("occurredAt"))).isEqualTo(routed.getRoutedAt());
        assertThat(alert(body)).containsEntry("alertId", routed.getAlertId()).containsEntry("tipId", routed.getTipId())
                .containsEntry("recipient", "POLICE").containsEntry("priority", "IMMEDIATE")
                .containsEntry("reasons", List.of("SUSPECTED_MINOR")).containsEntry("channel", "TAXI")
                .containsEntry("href", "/api/v1/alerts/" + routed.getAlertId());

        AlertStatusChanged escalated = WebhookEvents.escalated(routed, clock.instant());
        publisher.publish(Topics.ALERT_STATUS_CHANGED, escalated.getAlertId(), escalated).block(DEADLINE);
        Received second = awaitReceived(name, 2).get(1);
        assertSigned(second, secret);
        assertThat(second.header("Vaksam-Event-Type")).isEqualTo("alert.status-changed");
        assertThat(alert(read(second.body()))).containsEntry("alertId", routed.getAlertId())
                .containsEntry("status", "ESCALATED").containsEntry("escalatedTo", "POLICE_DUTY_DESK")
                .containsEntry("priority", "IMMEDIATE").containsKeys("acknowledgeBy", "changedAt")
                .doesNotContainKey("actor");

        // Another recipient's alert: once its own webhook has it, the event was handled, and the police got nothing.
        String mikaName = "mika-" + UUID.randomUUID();
        String mikaWebhook = register(MIKA, RECEIVER.url(mikaName));
        AlertRouted forMika = publishRouted(Recipient.MIKAMOTTAGNINGEN);
        assertThat(awaitReceived(mikaName, 1).get(0).header("Vaksam-Webhook-Id")).isEqualTo(mikaWebhook);
        assertThat(deliveries(POLICE, webhookId, "")).extracting(d -> d.get("eventId"))
                .doesNotContain(forMika.getEventId());

        // A redelivered event is one delivery; a re-routing of the same alert after it, on the same partition,
        // shows that the redelivery has been handled.
        publishRouted(routed);
        AlertRouted rerouted = AlertRouted.newBuilder(routed).setEventId(UUID.randomUUID().toString())
                .setPriority(Priority.HIGH).build();
        publishRouted(rerouted);
        assertThat(awaitReceived(name, 3).get(2).header("Vaksam-Event-Id")).isEqualTo(rerouted.getEventId());
        assertThat(deliveries(POLICE, webhookId, "")).extracting(d -> d.get("eventId"))
                .containsOnlyOnce(routed.getEventId()).hasSize(3);

        Map<String, Object> ping = client().post().uri("/api/v1/webhooks/" + webhookId + "/ping")
                .headers(h -> h.setBearerAuth(POLICE)).exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED).expectBody(MAP).returnResult().getResponseBody();
        assertThat(ping).containsEntry("type", "ping").containsEntry("status", "PENDING");
        Received pinged = awaitReceived(name, 4).get(3);
        assertSigned(pinged, secret);
        assertThat(read(pinged.body())).containsEntry("type", "ping").doesNotContainKey("alert");
        Map<String, Object> delivered = awaitDelivery(POLICE, webhookId, (String) ping.get("deliveryId"),
                "ping DELIVERED", d -> "DELIVERED".equals(d.get("status")));
        assertThat(delivered).containsEntry("attempts", 1).containsEntry("lastStatusCode", 200)
                .containsKeys("deliveredAt", "createdAt", "lastAttemptAt").doesNotContainKeys("body", "nextAttemptAt");
        assertThat(health(POLICE, webhookId)).containsEntry("consecutiveFailures", 0)
                .containsEntry("pending", 0).containsEntry("failed", 0).containsKey("lastDeliveredAt");
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheAlertOnTheThirdAttempt() {
        String name = "flaky-" + UUID.randomUUID();
        RECEIVER.answer(name, 500, 502, 200);
        Map<String, Object> created = registration(CHILDREN, RECEIVER.url(name));
        String webhookId = (String) created.get("webhookId");
        AlertRouted routed = publishRouted(Recipient.SOCIAL_SERVICES_CHILDREN);
        String deliveryId = Delivery.deliveryId(routed.getEventId(), webhookId);

        Map<String, Object> firstFailure = awaitRetryScheduled(CHILDREN, webhookId, deliveryId, 1);
        assertThat(firstFailure).containsEntry("status", "PENDING").containsEntry("lastStatusCode", 500);
        assertThat(health(CHILDREN, webhookId)).containsEntry("consecutiveFailures", 1).containsEntry("pending", 1)
                .containsKey("lastFailedAt").doesNotContainKey("lastDeliveredAt");
        clock.advance(BACK_OFF.get(0));
        assertThat(awaitRetryScheduled(CHILDREN, webhookId, deliveryId, 2)).containsEntry("lastStatusCode", 502);
        clock.advance(BACK_OFF.get(1));

        Map<String, Object> delivered = awaitDelivery(CHILDREN, webhookId, deliveryId, "delivered on attempt 3",
                d -> "DELIVERED".equals(d.get("status")));
        assertThat(delivered).containsEntry("attempts", 3).containsEntry("lastStatusCode", 200)
                .doesNotContainKey("nextAttemptAt");
        assertThat(health(CHILDREN, webhookId)).containsEntry("consecutiveFailures", 0).containsEntry("pending", 0)
                .containsKeys("lastDeliveredAt", "lastFailedAt");
        List<Received> attempts = RECEIVER.received(name);
        assertThat(attempts).hasSize(3).allSatisfy(r -> assertSigned(r, (String) created.get("secret")));
        assertThat(attempts).extracting(r -> r.header("Vaksam-Delivery-Id")).containsOnly(deliveryId);
        assertThat(attempts).extracting(r -> r.header("Vaksam-Delivery-Attempt")).containsExactly("1", "2", "3");
        assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
    }

    @Test
    void aReceiverThatAlwaysFailsEndsFailedVisiblyAndTheDeliveryCanBeRetried() {
        String name = "down-" + UUID.randomUUID();
        RECEIVER.answer(name, 503);
        Sent sent = alertFor(MIKA, Recipient.MIKAMOTTAGNINGEN, name);
        String webhookId = sent.webhookId();
        String deliveryId = sent.deliveryId();

        for (int attempt = 1; attempt <= BACK_OFF.size(); attempt++) {
            awaitRetryScheduled(MIKA, webhookId, deliveryId, attempt);
            clock.advance(BACK_OFF.get(attempt - 1));
        }
        Map<String, Object> failed = awaitDelivery(MIKA, webhookId, deliveryId, "FAILED after the last attempt",
                d -> "FAILED".equals(d.get("status")));
        assertThat(failed).containsEntry("attempts", 4).containsEntry("lastStatusCode", 503)
                .containsEntry("alertId", sent.alert().getAlertId()).containsEntry("type", "alert.routed")
                .containsKey("failedAt").doesNotContainKey("nextAttemptAt");
        assertThat(deliveries(MIKA, webhookId, "?status=FAILED")).extracting(d -> d.get("deliveryId"))
                .containsExactly(deliveryId);
        assertThat(deliveries(MIKA, webhookId, "?status=PENDING&limit=10")).isEmpty();
        assertThat(health(MIKA, webhookId)).containsEntry("failed", 1).containsEntry("pending", 0)
                .containsEntry("consecutiveFailures", 4).containsEntry("lastStatusCode", 503)
                .containsKey("lastFailedAt");
        assertThat(RECEIVER.received(name)).hasSize(4);

        RECEIVER.answer(name, 200);
        Map<String, Object> requeued = retry(MIKA, webhookId, deliveryId).expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(requeued).containsEntry("status", "PENDING").containsEntry("attempts", 0);
        awaitDelivery(MIKA, webhookId, deliveryId, "DELIVERED after the retry",
                d -> "DELIVERED".equals(d.get("status")));
        retry(MIKA, webhookId, deliveryId).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
        retry(MIKA, webhookId, UUID.randomUUID().toString()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
        client().get().uri("/api/v1/webhooks/" + webhookId + "/deliveries?status=LOST&limit=0")
                .headers(h -> h.setBearerAuth(MIKA)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("status", "limit"));
    }

    @Test
    void aReceiverThatCannotBeReachedShowsTheErrorClass() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String webhookId = register(REGION, "https://localhost:" + closedPort + "/hooks/nobody");
        String deliveryId = ping(REGION, webhookId);

        Map<String, Object> failure = awaitRetryScheduled(REGION, webhookId, deliveryId, 1);
        assertThat(failure).containsKey("lastError").doesNotContainKey("lastStatusCode");
        assertThat((String) failure.get("lastError")).as("an exception class, never a message").matches("[A-Za-z]+");
        assertThat(health(REGION, webhookId)).containsEntry("lastError", failure.get("lastError"));
    }

    @Test
    void aReceiversCertificateMustComeFromATrustedCaAndNameItsHost() {
        TestReceiver wrongName = new TestReceiver(CA.issue("elsewhere.example"));
        TestReceiver untrusted = new TestReceiver(new TestCertificates().issue("localhost", "127.0.0.1"));
        for (TestReceiver receiver : List.of(wrongName, untrusted)) {
            String webhookId = register(REGION, receiver.url("tls"));
            String deliveryId = ping(REGION, webhookId);

            assertThat(awaitRetryScheduled(REGION, webhookId, deliveryId, 1))
                    .containsEntry("lastError", "SSLHandshakeException").doesNotContainKey("lastStatusCode");
            assertThat(receiver.received("tls")).isEmpty();
        }
    }

    @Test
    void theAddressIsCheckedAgainAtDeliveryTime() {
        String name = "moved-" + UUID.randomUUID();
        String webhookId = register(POLICE, RECEIVER.url(name));
        // As if the host's DNS now pointed into the inbox's own network: the connection is refused before it is made.
        Mono.from(database.getCollection(WebhookRepository.COLLECTION).updateOne(Filters.eq("_id", webhookId),
                Updates.set("url", "https://127.0.0.1:" + RECEIVER.port() + "/hooks/" + name))).block(DEADLINE);
        String deliveryId = ping(POLICE, webhookId);

        assertThat(awaitRetryScheduled(POLICE, webhookId, deliveryId, 1))
                .containsEntry("lastError", "ForbiddenAddressException").doesNotContainKey("lastStatusCode");
        assertThat(RECEIVER.received(name)).isEmpty();
    }

    @Test
    void deletingAWebhookStopsItsDeliveriesAndDestroysItsSecret() {
        String name = "deleted-" + UUID.randomUUID();
        RECEIVER.answer(name, 500);
        Sent sent = alertFor(CHILDREN, Recipient.SOCIAL_SERVICES_CHILDREN, name);
        String webhookId = sent.webhookId();
        String deliveryId = sent.deliveryId();
        awaitRetryScheduled(CHILDREN, webhookId, deliveryId, 1);

        client().delete().uri("/api/v1/webhooks/" + webhookId).headers(h -> h.setBearerAuth(CHILDREN)).exchange()
                .expectStatus().isNoContent().expectBody();
        client().get().uri("/api/v1/webhooks/" + webhookId).headers(h -> h.setBearerAuth(CHILDREN)).exchange()
                .expectStatus().isNotFound().expectBody();
        client().delete().uri("/api/v1/webhooks/" + webhookId).headers(h -> h.setBearerAuth(CHILDREN)).exchange()
                .expectStatus().isNotFound().expectBody();
        assertThat(webhooks(CHILDREN)).extracting(w -> w.get("webhookId")).doesNotContain(webhookId);
        assertThat(storedWebhook(webhookId)).containsEntry("state", "DELETED").containsEntry("deletedBy",
                "social-children-demo").doesNotContainKey("sealedSecret");
        assertThat(storedDelivery(deliveryId)).containsEntry("status", "CANCELLED").doesNotContainKey("nextAttemptAt");

        // Time passes beyond the retry; another webhook's delivery shows passes ran, and the deleted one got nothing.
        clock.advance(BACK_OFF.get(0));
        String other = "after-delete-" + UUID.randomUUID();
        register(CHILDREN, RECEIVER.url(other));
        publishRouted(Recipient.SOCIAL_SERVICES_CHILDREN);
        awaitReceived(other, 1);
        assertThat(RECEIVER.received(name)).hasSize(1);
        assertThat(storedDelivery(deliveryId)).containsEntry("status", "CANCELLED").containsEntry("attempts", 1);
    }

    @Test
    void anotherOrganisationSeesNothingOfAWebhookAndCannotTouchIt() {
        String webhookId = register(POLICE, RECEIVER.url("police-only-" + UUID.randomUUID()));
        String deliveryId = ping(POLICE, webhookId);

        assertThat(webhooks(MIKA)).extracting(w -> w.get("webhookId")).doesNotContain(webhookId);
        for (String path : List.of("", "/deliveries")) {
            client().get().uri("/api/v1/webhooks/" + webhookId + path).headers(h -> h.setBearerAuth(MIKA)).exchange()
                    .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("No such webhook.");
        }
        client().get().uri("/api/v1/webhooks/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(MIKA)).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.detail").isEqualTo("No such webhook.");
        retry(MIKA, webhookId, deliveryId).expectStatus().isNotFound().expectBody();
        client().post().uri("/api/v1/webhooks/" + webhookId + "/ping").headers(h -> h.setBearerAuth(MIKA)).exchange()
                .expectStatus().isNotFound().expectBody();
        client().delete().uri("/api/v1/webhooks/" + webhookId).headers(h -> h.setBearerAuth(MIKA)).exchange()
                .expectStatus().isNotFound().expectBody();
        assertThat(webhook(POLICE, webhookId)).containsEntry("webhookId", webhookId);

        client().get().uri("/api/v1/webhooks").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
        client().get().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        client().get().uri("/api/v1/webhooks")
                .headers(h -> h.setBearerAuth(TestTokens.token("lettings-demo", "LETTINGS_GROUP", List.of("LETTINGS"))))
                .exchange().expectStatus().isForbidden().expectBody();
        client().get().uri("/api/v1/webhooks")
                .headers(h -> h.setBearerAuth(TestTokens.token("someone", null, List.of("RECIPIENT"))))
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        // The lettings group's systems, with both roles, manage their own webhooks like every recipient.
        String lettingsWebhook = register(LETTINGS, RECEIVER.url("lettings-" + UUID.randomUUID()));
        assertThat(webhook(LETTINGS, lettingsWebhook)).containsEntry("recipient", "LETTINGS_GROUP");
    }

    @Test
    void refusedUrlsAndDescriptionsAreProblemsNamingTheFieldAndNothingIsStored() {
        String tooLong = "https://localhost/" + "a".repeat(EndpointRules.MAX_URL_LENGTH);
        Map<String, String> refusals = Map.ofEntries(
                Map.entry("http://localhost:" + RECEIVER.port() + "/hooks/x", "must be an https URL"),
                Map.entry("https://user:secret@localhost/hooks/x", "must not hold a user name or password"),
                Map.entry("https://localhost/hooks/x#part", "must not have a fragment"),
                Map.entry(tooLong, "must be at most 2000 characters"),
                Map.entry("https://127.0.0.1:" + RECEIVER.port() + "/hooks/x", "must not point to a loopback, "
                        + "private, link-local, multicast or unspecified address"),
                Map.entry("https://10.1.2.3/hooks/x", "must not point to a loopback, private, link-local, multicast "
                        + "or unspecified address"),
                Map.entry("https://[::1]/hooks/x", "must not point to a loopback, private, link-local, multicast or "
                        + "unspecified address"),
                Map.entry("https://169.254.169.254/latest/meta-data", "must not point to a loopback, private, "
                        + "link-local, multicast or unspecified address"),
                Map.entry("https://no-such-host.invalid/hooks/x", "has a host that cannot be found"),
                Map.entry("", "is required"));
        refusals.forEach((url, message) -> refused(Map.of("url", url), "url", message));
        refused(Map.of("description", "d"), "url", "is required");
        refused(Map.of("url", RECEIVER.url("x"), "description", "a".repeat(201)), "description",
                "must be at most 200 characters");
        refused(Map.of("url", RECEIVER.url("x"), "description", "line\u0007bell"), "description",
                "must not contain control characters");
        client().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(LETTINGS))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"url\":").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();

        assertThat(Flux.from(database.getCollection(WebhookRepository.COLLECTION)
                .find(Filters.eq("recipient", "LETTINGS_GROUP"))).collectList().block(DEADLINE))
                .as("nothing stored for a refused registration").isEmpty();
    }

    private void refused(Map<String, String> body, String field, String message) {
        client().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(LETTINGS))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    /** Checks the signature as a receiver following the README would, without the service's own code. */
    private void assertSigned(Received received, String secret) {
        String[] parts = received.header("Vaksam-Signature").split(",");
        assertThat(parts).hasSize(2);
        assertThat(parts[0]).startsWith("t=");
        assertThat(parts[1]).startsWith("v1=");
        long timestamp = Long.parseLong(parts[0].substring(2));
        assertThat(Math.abs(clock.instant().getEpochSecond() - timestamp)).as("a fresh timestamp").isLessThan(300);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + received.body()).getBytes(StandardCharsets.UTF_8));
            assertThat(MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts[1].substring(3))))
                    .as("the signature verifies").isTrue();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private record Sent(String webhookId, String deliveryId, AlertRouted alert) {
    }

    /** A webhook of the recipient at the receiver's {@code name}, and a new alert for it. */
    private Sent alertFor(String token, Recipient recipient, String name) {
        String webhookId = register(token, RECEIVER.url(name));
        AlertRouted routed = publishRouted(recipient);
        return new Sent(webhookId, Delivery.deliveryId(routed.getEventId(), webhookId), routed);
    }

    /** A new alert for the recipient, routed now. */
    private AlertRouted publishRouted(Recipient recipient) {
        AlertRouted event = WebhookEvents.routed(recipient, clock.instant());
        publishRouted(event);
        return event;
    }

    private void publishRouted(AlertRouted event) {
        publisher.publish(Topics.ALERT_ROUTED, event.getAlertId(), event).block(DEADLINE);
    }

    private static List<Received> awaitReceived(String name, int count) {
        return Awaitility.await(count + " requests at receiver " + name).atMost(DEADLINE)
                .until(() -> RECEIVER.received(name), received -> received.size() >= count);
    }

    /** The attempt has failed and the next one is scheduled after exactly the back-off for it. */
    private Map<String, Object> awaitRetryScheduled(String token, String webhookId, String deliveryId, int attempt) {
        Instant expected = clock.instant().plus(BACK_OFF.get(attempt - 1));
        return awaitDelivery(token, webhookId, deliveryId, "attempt " + attempt + " failed, next at " + expected,
                d -> Integer.valueOf(attempt).equals(d.get("attempts")) && d.get("nextAttemptAt") != null
                        && Instant.parse((String) d.get("nextAttemptAt")).equals(expected));
    }

    private Map<String, Object> awaitDelivery(String token, String webhookId, String deliveryId, String state,
                                              Predicate<Map<String, Object>> reached) {
        return Awaitility.await("delivery " + deliveryId + ": " + state).atMost(DEADLINE)
                .until(() -> deliveries(token, webhookId, "").stream()
                        .filter(d -> deliveryId.equals(d.get("deliveryId"))).findFirst().orElse(Map.of()),
                        reached::test);
    }

    private List<Map<String, Object>> deliveries(String token, String webhookId, String query) {
        return client().get().uri("/api/v1/webhooks/" + webhookId + "/deliveries" + query)
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private String register(String token, String url) {
        return (String) registration(token, url).get("webhookId");
    }

    private Map<String, Object> registration(String token, String url) {
        Map<String, Object> created = client().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", url)).exchange()
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        registered.add(Map.entry(token, (String) created.get("webhookId")));
        return created;
    }

    private String ping(String token, String webhookId) {
        return (String) client().post().uri("/api/v1/webhooks/" + webhookId + "/ping")
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED).expectBody(MAP).returnResult().getResponseBody()
                .get("deliveryId");
    }

    private WebTestClient.ResponseSpec retry(String token, String webhookId, String deliveryId) {
        return client().post().uri("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/retry")
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    private Map<String, Object> webhook(String token, String webhookId) {
        return client().get().uri("/api/v1/webhooks/" + webhookId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> health(String token, String webhookId) {
        return (Map<String, Object>) webhook(token, webhookId).get("health");
    }

    private List<Map<String, Object>> webhooks(String token) {
        return client().get().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private Document storedWebhook(String webhookId) {
        return Mono.from(database.getCollection(WebhookRepository.COLLECTION).find(Filters.eq("_id", webhookId))
                .first()).block(DEADLINE);
    }

    private Document storedDelivery(String deliveryId) {
        return Mono.from(database.getCollection(DeliveryRepository.COLLECTION).find(Filters.eq("_id", deliveryId))
                .first()).block(DEADLINE);
    }

    private static Map<String, Object> read(String body) {
        return JSON.readValue(body, new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alert(Map<String, Object> event) {
        return (Map<String, Object>) event.get("alert");
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().responseTimeout(DEADLINE).baseUrl("http://localhost:" + port).build();
    }
}
