package se.goteborg.vaksam.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoDatabase;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.platform.events.ProcessedEvents;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.sealing.Keysets;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.MongoStore;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;

/**
 * What the tests of this service share: its surroundings (the real broker and registry for the *IT, the in-process
 * Mongo-compatible store and the keysets for all), and for unit tests of its HTTP contract the whole service without
 * Kafka: a fixed clock and a publisher that records instead of sending.
 */
public final class IntakeTestSupport {

    public static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");
    public static final Keysets.KeysetPair KEYS = Keysets.generate();
    /** The tipster pair: alert-inbox seals questions with its public half, tip-intake opens them. */
    public static final Keysets.KeysetPair TIPSTER_KEYS = Keysets.generate();

    private IntakeTestSupport() {
    }

    /**
     * For a {@code @DynamicPropertySource} of an *IT: the real broker and registry, the store (under its own database
     * name) and the keysets. Alert-inbox's side of sealed data opens with {@link #KEYS}, the tipster's with
     * {@link #TIPSTER_KEYS}.
     */
    public static void infrastructure(DynamicPropertyRegistry registry, String databaseName) {
        registry.add("spring.kafka.bootstrap-servers", KafkaBroker::bootstrapServers);
        registry.add("vaksam.registry.url", () -> SchemaRegistryServer.shared().url());
        store(registry, databaseName);
    }

    /** For a {@code @DynamicPropertySource} of a test that leaves Kafka out: the store and the keysets only. */
    public static void store(DynamicPropertyRegistry registry, String databaseName) {
        registry.add("vaksam.mongo.uri", MongoStore::uri);
        registry.add("vaksam.mongo.database", () -> databaseName);
        registry.add("vaksam.sealing.public-keyset", KEYS::publicKeyset);
        registry.add("vaksam.sealing.tipster.private-keyset", TIPSTER_KEYS::privateKeyset);
    }

    /**
     * A member key as network-coordination publishes it. Worked out here rather than by the service's own hash, so
     * the tests notice if the service stops hashing the way the member topic does.
     */
    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one record to the real broker through the real registry, as the other services do; waits for the ack. */
    public static void send(String topic, String key, SpecificRecord value) {
        Map<String, Object> config = new HashMap<>(SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Serializer instances given to a producer are not configured by it.
        var serializer = new AvroKafkaSerializer<SpecificRecord>();
        serializer.configure(config, false);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
