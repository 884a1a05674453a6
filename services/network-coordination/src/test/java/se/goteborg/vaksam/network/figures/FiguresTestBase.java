package se.goteborg.vaksam.network.figures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.network.NetworkCoordinationApplication;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.MutableClock;
import se.goteborg.vaksam.testsupport.MutableClockConfiguration;
import se.goteborg.vaksam.testsupport.ServiceClients;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;

/**
 * The running service on the real broker, registry and store, with its clock in the test's hand, for the figures'
 * integration tests; they share one application context (one configuration), each counting in a year of its own so
 * that the others' events never fall in its periods. Its consumer groups are its own.
 */
@SpringBootTest(classes = {NetworkCoordinationApplication.class, MutableClockConfiguration.class, MongoCommands.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.mongo.database=" + FiguresTestBase.DATABASE,
                "vaksam.network.figures.consumer=" + FiguresTestBase.CONSUMER,
                "vaksam.security.issuer=" + TestTokens.ISSUER})
abstract class FiguresTestBase {

    static final String DATABASE = "network-figures-shared-it";
    static final String CONSUMER = "network-figures-shared-it";
    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    /** Every collection the figures write, each read only by {@code _id}. */
    static final Set<String> FIGURE_COLLECTIONS = Set.of(TipFactsRepository.DAYS, TipFactsRepository.VERSIONS,
            TipFactsRepository.TALLIES, TipFactsRepository.MEMBERS, TipFactsRepository.META,
            AlertFactsRepository.COLLECTION, AlertFactsRepository.DAYS, AlertFactsRepository.VERSIONS,
            AlertFactsRepository.TALLIES);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.registerWithTokens(registry);
    }

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired MongoDatabase database;
    @Autowired MutableClock clock;
    @Autowired MongoCommands commands;

    WebTestClient client() {
        return client(port);
    }

    static WebTestClient client(int port) {
        return ServiceClients.of(port, DEADLINE);
    }

    PageBrowser browser(String token) {
        return new PageBrowser(client().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }

    void publish(SpecificRecord event) {
        Mono<?> sent;
        if (event instanceof TipSubmitted tip) {
            sent = publisher.publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip);
        } else if (event instanceof AlertRouted alert) {
            sent = publisher.publish(Topics.ALERT_ROUTED, alert.getAlertId(), alert);
        } else if (event instanceof AlertStatusChanged change) {
            sent = publisher.publish(Topics.ALERT_STATUS_CHANGED, change.getAlertId(), change);
        } else {
            throw new IllegalArgumentException(event.getClass().getName());
        }
        sent.block(DEADLINE);
    }

    /** Enrols a member through the API, as a coordinator does; its id. */
    String enrol(String type, String name, String postalCode, LocalDate joinedOn) {
        Map<String, Object> member = client().post().uri("/api/v1/members")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", type, "name", name, "orgNumber", "556000-0001",
                        "address", Map.of("streetAddress", "Medlemsgatan 1", "postalCode", postalCode,
                                "city", "Göteborg"),
                        "joinedOn", joinedOn.toString()))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) member.get("member");
        String memberId = (String) body.get("memberId");
        // The member topic's relay registers its schemas with the registry; the tests' own events wait for it, as
        // the registry in the tests can time out two registrations at once.
        Awaitility.await("member " + memberId + " published").atMost(DEADLINE).until(() -> Outbox.entries(
                Mono.from(database.getCollection("members").find(Filters.eq("_id", memberId)).first())
                        .block(DEADLINE)).isEmpty());
        return memberId;
    }

    /** Records a meeting as the meetings feature stores it. */
    void meeting(String title, LocalDate heldOn, List<String> attendees) {
        Date now = new Date();
        Mono.from(database.getCollection("meetings").insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("kind", "MEETING").append("title", title).append("heldOn", heldOn.toString())
                .append("attendeeMemberIds", new ArrayList<>(attendees)).append("createdAt", now)
                .append("changedAt", now).append("version", 0L))).block(DEADLINE);
    }

    Map<String, Object> json(String path) {
        return client().get().uri(path).headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** One recipient's figures in an alert figures' JSON. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> recipient(Map<String, Object> figures, String recipient) {
        return ((List<Map<String, Object>>) figures.get("recipients")).stream()
                .filter(r -> recipient.equals(r.get("recipient"))).findFirst().orElseThrow();
    }

    String csv(String path) {
        return client().get().uri(path).headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
