package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static se.goteborg.vaksam.network.figures.FiguresTestBase.recipient;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import se.goteborg.vaksam.events.alert.AlertPremises;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.network.NetworkCoordinationApplication;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.Topic;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.TestTokens;

/**
 * The alerts' progress reaches the network's figures from the real topics: counts per recipient with small ones
 * suppressed, time to acknowledge, outcomes, escalations; replaying every event changes no figure; and nothing but
 * codes and times is stored, though the events carry premises and sealed details.
 */
@DirtiesContext
@SpringBootTest(classes = NetworkCoordinationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.mongo.database=network-figures-it", "vaksam.network.figures.consumer=network-figures-it",
                "vaksam.security.issuer=" + TestTokens.ISSUER})
class AlertFiguresIT {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    /**
     * A day of its own, so no other test's alerts count; its consumer groups are its own too, and start from the
     * topics' beginning, so the other tests' alerts (on other days) are stored beside these.
     */
    static final Instant DAY = Instant.parse("2026-06-01T08:00:00Z");
    static final String CANARY = "canary-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.registerWithTokens(registry);
    }

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired MongoDatabase database;

    @Test
    void acknowledgementsOutcomesAndEscalationsBecomeAnonymousFiguresThatAReplayLeavesAlone() {
        List<SpecificRecord> events = new ArrayList<>();
        List<String> police = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AlertRouted alert = routed(Recipient.POLICE, i == 0 ? Priority.IMMEDIATE : Priority.HIGH);
            police.add(alert.getAlertId());
            events.add(alert);
        }
        AlertRouted mika = routed(Recipient.MIKAMOTTAGNINGEN, Priority.NORMAL);
        events.add(mika);
        events.add(status(police.get(0), AlertStatus.ACKNOWLEDGED, null, DAY.plus(Duration.ofMinutes(5))));
        events.add(status(police.get(1), AlertStatus.ACKNOWLEDGED, null, DAY.plus(Duration.ofMinutes(10))));
        events.add(status(police.get(2), AlertStatus.ACKNOWLEDGED, null, DAY.plus(Duration.ofMinutes(20))));
        events.add(status(police.get(2), AlertStatus.OUTCOME_RECORDED, "ACTED", DAY.plus(Duration.ofHours(2))));
        events.add(status(police.get(3), AlertStatus.ESCALATED, null, DAY.plus(Duration.ofHours(4))));
        events.add(status(police.get(3), AlertStatus.PRIORITY_CHANGED, null, DAY.plus(Duration.ofHours(5))));
        // The acknowledgement came late in the topic, after the outcome: the figures read the same.
        events.add(status(mika.getAlertId(), AlertStatus.OUTCOME_RECORDED, "NO_ACTION", DAY.plus(Duration.ofDays(1))));
        events.forEach(this::publish);

        awaitStored(facts -> facts.size() == 5
                && facts.stream().filter(d -> d.get("escalatedAt") != null).count() == 1
                && facts.stream().filter(d -> d.get("outcome") != null).count() == 2
                && facts.stream().filter(d -> d.get("acknowledgedAt") != null).count() == 3
                && facts.stream().anyMatch(d -> !d.getList("priorityChanges", String.class, List.of()).isEmpty()));
        // Each alert's entry in its day's figures follows its facts in the same handling.
        Map<String, Object> figures = Awaitility.await("the figures counted").atMost(DEADLINE)
                .until(this::figures, counted -> "< 3".equals(recipient(counted, "POLICE").get("escalated"))
                        && Map.of("ACTED", "< 3").equals(recipient(counted, "POLICE").get("outcomes"))
                        && Map.of("NO_ACTION", "< 3").equals(recipient(counted, "MIKAMOTTAGNINGEN").get("outcomes"))
                        && "< 3".equals(recipient(counted, "POLICE").get("priorityChangedByRecipient"))
                        && Integer.valueOf(3).equals(recipient(counted, "POLICE").get("acknowledged")));
        Map<String, Object> byPolice = recipient(figures, "POLICE");
        assertThat(byPolice).containsEntry("alerts", 4)
                .containsEntry("byPriority", Map.of("IMMEDIATE", "< 3", "HIGH", 3, "NORMAL", 0))
                .containsEntry("acknowledged", 3)
                .containsEntry("notAcknowledged", "< 3")
                .containsEntry("escalated", "< 3")
                .containsEntry("priorityChangedByRecipient", "< 3")
                .containsEntry("outcomes", Map.of("ACTED", "< 3"))
                .containsEntry("acknowledgedWithinMinutes", Map.of("median", 10, "p90", 20));
        assertThat(recipient(figures, "MIKAMOTTAGNINGEN")).containsEntry("alerts", "< 3")
                .containsEntry("acknowledged", 0).containsEntry("outcomes", Map.of("NO_ACTION", "< 3"))
                .containsEntry("acknowledgedWithinMinutes", null);
        assertThat(recipient(figures, "LETTINGS_GROUP")).containsEntry("alerts", 0);

        List<Document> stored = stored();
        assertThat(stored).allSatisfy(document -> {
            assertThat(document.keySet()).isSubsetOf(Set.of("_id", "recipient", "priority", "channel", "routedAt",
                    "acknowledgedAt", "closedAt", "outcome", "escalatedAt", "priorityChanges"));
            assertThat(document.toJson()).doesNotContain(CANARY, "Kungsgatan");
        });
        assertThat(Flux.from(database.getCollection(AlertFactsRepository.DAYS).find()).collectList().block(DEADLINE))
                .allSatisfy(day -> assertThat(day.toJson()).doesNotContain(CANARY, "Kungsgatan", "Hotell Göta"));

        // Replaying every event, in reverse order too, leaves every figure as it was.
        events.forEach(this::publish);
        List<SpecificRecord> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        reversed.forEach(this::publish);
        AlertStatusChanged last = status(mika.getAlertId(), AlertStatus.ACKNOWLEDGED, null, DAY.plus(Duration.ofDays(2)));
        publish(last);
        Map<String, Object> replayed = Awaitility.await("the replay consumed").atMost(DEADLINE)
                .until(this::figures, counted -> "< 3".equals(recipient(counted, "MIKAMOTTAGNINGEN")
                        .get("acknowledged")));
        assertThat(recipient(replayed, "POLICE")).isEqualTo(byPolice);
    }

    @Test
    void onlyCoordinatorsReadTheFiguresAndPeriodsAreChecked() {
        client().get().uri("/api/v1/network/figures/alerts")
                .headers(h -> h.setBearerAuth(TestTokens.recipient("police-demo", "POLICE"))).exchange()
                .expectStatus().isForbidden();
        client().get().uri("/api/v1/network/figures/alerts").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/v1/network/figures/alerts?from=2026-13-01&to=2026-01-01")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        client().get().uri("/api/v1/network/figures/alerts?from=2026-12-02&to=2026-12-01")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    private void awaitStored(Predicate<List<Document>> stored) {
        Awaitility.await("the alert facts stored").atMost(DEADLINE).until(() -> stored.test(stored()));
    }

    private Map<String, Object> figures() {
        return client().get().uri("/api/v1/network/figures/alerts?from=2026-06-01&to=2026-06-03")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    private List<Document> stored() {
        return Flux.from(database.getCollection(AlertFactsRepository.COLLECTION)
                        .find(Filters.and(Filters.gte("routedAt", Date.from(DAY.minusSeconds(1))),
                                Filters.lt("routedAt", Date.from(DAY.plus(Duration.ofDays(1)))))))
                .collectList().block(DEADLINE);
    }

    private void publish(SpecificRecord event) {
        if (event instanceof AlertRouted alert) {
            send(Topics.ALERT_ROUTED, alert.getAlertId(), alert);
        } else if (event instanceof AlertStatusChanged change) {
            send(Topics.ALERT_STATUS_CHANGED, change.getAlertId(), change);
        }
    }

    private <V extends SpecificRecord> void send(Topic<String, V> topic, String key, V value) {
        publisher.publish(topic, key, value).block(DEADLINE);
    }

    private final Map<String, AlertRouted> routedById = new HashMap<>();

    private AlertRouted routed(Recipient recipient, Priority priority) {
        String tipId = UUID.randomUUID().toString();
        String alertId = UUID.nameUUIDFromBytes((tipId + ":" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
        AlertRouted alert = AlertRouted.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setAlertId(alertId).setTipId(tipId)
                .setRecipient(recipient).setPriority(priority).setReasons(List.of("TEST")).setRulesVersion("v2")
                .setRoutedAt(DAY).setAcknowledgeBy(DAY.plus(Duration.ofHours(4))).setChannel(Channel.HOTEL)
                .setPremises(AlertPremises.newBuilder().setName("Hotell Göta")
                        .setAddress(Address.newBuilder().setStreetAddress("Kungsgatan 12").setPostalCode("411 19")
                                .setCity("Göteborg").build()).build())
                .setSealedDetails(ByteBuffer.wrap(CANARY.getBytes(StandardCharsets.UTF_8)))
                .build();
        routedById.put(alertId, alert);
        return alert;
    }

    private AlertStatusChanged status(String alertId, AlertStatus status, String outcome, Instant at) {
        AlertRouted alert = routedById.get(alertId);
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setAlertId(alertId).setTipId(alert.getTipId())
                .setRecipient(alert.getRecipient()).setStatus(status).setOutcome(outcome).setChangedAt(at)
                .setActor(status == AlertStatus.ESCALATED ? "alert-routing" : alert.getRecipient().name())
                .setPriority(status == AlertStatus.PRIORITY_CHANGED ? Priority.NORMAL : null)
                .build();
    }

    private WebTestClient client() {
        return FiguresTestBase.client(port);
    }
}
