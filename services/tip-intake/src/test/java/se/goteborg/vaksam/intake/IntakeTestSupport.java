package se.goteborg.vaksam.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.platform.events.ProcessedEvents;
import se.goteborg.vaksam.platform.sealing.Keysets;

/**
 * The whole service without Kafka, for unit tests of its HTTP contract: a real (in-process) Mongo-compatible store,
 * a fixed clock and a publisher that records instead of sending.
 */
public final class IntakeTestSupport {

    public static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");
    public static final Keysets.KeysetPair KEYS = Keysets.generate();
    /** The tipster pair: alert-inbox seals questions with its public half, tip-intake opens them. */
    public static final Keysets.KeysetPair TIPSTER_KEYS = Keysets.generate();

    private IntakeTestSupport() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Beans {

        @Bean
        RecordingPublisher recordingPublisher() {
            return new RecordingPublisher();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        /** The listeners need it even where Kafka is left out. */
        @Bean
        ProcessedEvents processedEvents(MongoDatabase database, Clock clock) {
            return new ProcessedEvents(database, clock);
        }
    }

    /** Puts a member into the projection the way the member topic would. */
    public static void member(MongoDatabase database, String memberId, String status, String... keyHashes) {
        Mono.from(database.getCollection("members").replaceOne(new Document("_id", memberId),
                        new Document("_id", memberId).append("type", "HOTEL").append("status", status)
                                .append("intakeKeyHashes", List.of(keyHashes)).append("changedAt", Date.from(NOW)),
                        new ReplaceOptions().upsert(true)))
                .block();
    }

    public static Map<String, Object> hotelTip() {
        return Map.of(
                "observedAt", "2026-11-27T19:30:00Z",
                "indicators", List.of("BOOKER_NOT_OCCUPANT", "MANY_VISITORS_TO_ROOM"),
                "suspectedMinor", "NO",
                "immediateDanger", false,
                "exploitationType", "SEXUAL",
                "description", "canary-description-7f3a",
                "reporterContact", "canary-contact-0701234567",
                "premises", Map.of("name", "Hotell Canaria", "streetAddress", "Drottningtorget 5",
                        "postalCode", "41103", "city", "Göteborg", "room", "412"));
    }

    public static Map<String, Object> taxiTip() {
        return Map.of(
                "observedAt", "2026-11-27T20:45",
                "indicators", List.of("COMPANION_CONTROLS", "NO_OWN_ID_OR_MONEY"),
                "suspectedMinor", "NO",
                "immediateDanger", false,
                "exploitationType", "UNKNOWN",
                "description", "canary-description-taxi",
                "trip", Map.of(
                        "pickup", Map.of("address", "Nils Ericsonsplatsen 4, Göteborg", "time", "2026-11-27T20:35"),
                        "dropoff", Map.of("address", "Mässans gata 24, Göteborg", "time", "2026-11-27T20:50"),
                        "passengers", 2,
                        "vehicleRef", "ABC123"));
    }
}
