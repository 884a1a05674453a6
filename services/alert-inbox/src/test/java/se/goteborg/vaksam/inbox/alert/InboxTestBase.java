package se.goteborg.vaksam.inbox.alert;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.events.followup.FollowUpMessage;
import se.goteborg.vaksam.inbox.AlertInboxApplication;
import se.goteborg.vaksam.inbox.audit.AuditLog;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.platform.sealing.Keysets;
import se.goteborg.vaksam.platform.sealing.Sealer;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

/**
 * The inbox as one running service on the real broker, registry and store, with tokens as identity issues them. The
 * integration test classes extending it share one application context (one configuration), so their listeners never
 * compete for the same consumer groups; they keep apart by using tips of their own.
 */
@SpringBootTest(classes = AlertInboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.mongo.database=alert-inbox-it", "vaksam.security.issuer=" + TestTokens.ISSUER})
abstract class InboxTestBase {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final Keysets.KeysetPair KEYS = Keysets.generate();
    static final Sealer SEALER = Sealer.fromPublicKeyset(KEYS.publicKeyset());
    static final Keysets.KeysetPair TIPSTER_KEYS = Keysets.generate();
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    static final String POLICE = TestTokens.recipient("police-demo", "POLICE");
    static final String MIKA = TestTokens.recipient("mika-demo", "MIKAMOTTAGNINGEN");
    static final String LETTINGS = TestTokens.recipient("lettings-demo", "LETTINGS_GROUP");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.registerWithTokens(registry);
        registry.add("vaksam.sealing.private-keyset", KEYS::privateKeyset);
        registry.add("vaksam.sealing.tipster.public-keyset", TIPSTER_KEYS::publicKeyset);
    }

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired MongoDatabase database;

    static List<Record<FollowUpMessage>> followUps(String tipId) {
        return TopicRecords.<FollowUpMessage>readAll(Topics.FOLLOW_UP_MESSAGE.name(),
                        SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())).stream()
                .filter(r -> tipId.equals(r.key()) && r.value().getDirection() == Direction.QUESTION)
                .toList();
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    void publish(AlertRouted event) {
        publisher.publish(Topics.ALERT_ROUTED, event.getAlertId(), event).block(DEADLINE);
    }

    List<Map<String, Object>> awaitListed(String token, String alertId) {
        return Awaitility.await("alert " + alertId + " listed").atMost(DEADLINE)
                .until(() -> listed(token), alerts -> alerts.stream().anyMatch(a -> alertId.equals(a.get("alertId"))));
    }

    List<Map<String, Object>> listed(String token) {
        return listed(token, "");
    }

    List<Map<String, Object>> listed(String token, String query) {
        return client().get().uri("/api/v1/alerts?" + query).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec post(String alertId, String action, String token, Object body) {
        var request = client().post().uri("/api/v1/alerts/" + alertId + "/" + action)
                .headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().responseTimeout(DEADLINE).baseUrl("http://localhost:" + port).build();
    }

    Document stored(String alertId) {
        return Mono.from(database.getCollection(AlertRepository.COLLECTION).find(Filters.eq("_id", alertId)).first())
                .block(DEADLINE);
    }

    List<Document> openings(String alertId) {
        return Flux.from(database.getCollection(AuditLog.COLLECTION).find(Filters.eq("alertId", alertId)))
                .collectList().block(DEADLINE);
    }

    void awaitOutboxEmpty(String alertId) {
        Awaitility.await("outbox of " + alertId + " emptied").atMost(DEADLINE)
                .until(() -> Outbox.entries(stored(alertId)).isEmpty());
    }

    static List<Record<AlertStatusChanged>> statusChanges(String alertId) {
        return TopicRecords.<AlertStatusChanged>readAll(Topics.ALERT_STATUS_CHANGED.name(),
                        SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())).stream()
                .filter(r -> alertId.equals(r.key()))
                .toList();
    }
}
