package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.devstack.Component;
import tools.jackson.databind.JsonNode;

/**
 * No tip is lost while Kafka is away: tips accepted during a broker outage are stored, published exactly once when
 * the broker is back, and reach their recipients.
 */
class BrokerOutageIT extends RunningSystemTest {

    private static final int TIPS = 100;
    private static final String TIP_TOPIC = "vaksam.tip.submitted.v1";

    @Test
    void tipsAcceptedWhileTheBrokerIsDownArePublishedExactlyOnceWhenItReturns() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        stack.stop(Component.KAFKA_BROKER);

        List<String> tipIds = new ArrayList<>();
        for (int i = 0; i < TIPS; i++) {
            Vaksam.Response response = vaksam.submitTip("hotel", "demo-hotel-key", tip(run, i));
            assertThat(response.status()).as(response.raw()).isEqualTo(201);
            tipIds.add(response.body().get("tipId").asString());
        }

        stack.start(Component.KAFKA_BROKER);

        Set<String> expected = new HashSet<>(tipIds);
        Awaitility.await("every tip in the police inbox").atMost(Duration.ofMinutes(3))
                .until(() -> policeTipIds().containsAll(expected));
        Map<String, Integer> published = publishedCounts(expected);
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(published.values()).as("each tip published exactly once").containsOnly(1);
    }

    private static Set<String> policeTipIds() {
        Set<String> ids = new HashSet<>();
        for (JsonNode alert : vaksam.alerts("police-demo")) {
            ids.add(alert.get("tipId").asString());
        }
        return ids;
    }

    /** Reads the tip topic to its end and counts the records of each of these tips. */
    private static Map<String, Integer> publishedCounts(Set<String> tipIds) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-outage-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TIP_TOPIC));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            // Records of these tips are all on the topic already (they reached the inbox); stop once the end is read.
            while (Instant.now().isBefore(deadline)) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (tipIds.contains(record.key())) {
                        counts.merge(record.key(), 1, Integer::sum);
                    }
                }
                if (!consumer.assignment().isEmpty() && atEnd(consumer)) {
                    break;
                }
            }
        }
        return counts;
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer) {
        var ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Map<String, Object> tip(String run, int number) {
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("observedAt", Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        tip.put("indicators", List.of("STREAM_OF_MEN"));
        tip.put("suspectedMinor", "NO");
        tip.put("immediateDanger", false);
        tip.put("exploitationType", "SEXUAL");
        tip.put("premises", Map.of("name", "Outage hotel " + run, "streetAddress", "Lilla Bommen " + (number % 9 + 1),
                "postalCode", "411 04", "city", "Göteborg", "room", String.valueOf(100 + number)));
        return tip;
    }
}
