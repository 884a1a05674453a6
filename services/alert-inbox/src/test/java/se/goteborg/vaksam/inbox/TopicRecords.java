package se.goteborg.vaksam.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;

/** Everything on a topic up to its current end, as raw bytes and decoded through the registry. */
public final class TopicRecords {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static AvroKafkaDeserializer<Object> deserializer;

    private TopicRecords() {
    }

    public record Record<V>(String key, byte[] raw, V value) {
    }

    @SuppressWarnings("unchecked")
    public static <V> List<Record<V>> readAll(String topic) {
        List<Record<V>> records = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> raw : readRaw(topic)) {
            records.add(new Record<>(raw.key(), raw.value(),
                    raw.value() == null ? null : (V) deserializer().deserialize(topic, raw.value())));
        }
        return records;
    }

    private static synchronized AvroKafkaDeserializer<Object> deserializer() {
        if (deserializer == null) {
            deserializer = new AvroKafkaDeserializer<>();
            deserializer.configure(SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()), false);
        }
        return deserializer;
    }

    private static List<ConsumerRecord<String, byte[]>> readRaw(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read " + topic + " to its end within " + DEADLINE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
