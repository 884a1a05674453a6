package se.goteborg.vaksam.intake;

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
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;

/** Everything on the tip topic up to its current end, raw and decoded through the registry, as another service sees it. */
public final class TipTopic {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TipTopic() {
    }

    public record Record(String key, byte[] raw, TipSubmitted value) {
    }

    public static List<Record> readAll() {
        String topic = Topics.TIP_SUBMITTED.name();
        var deserializer = new AvroKafkaDeserializer<TipSubmitted>();
        deserializer.configure(SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()), false);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "tip-intake-it-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Record> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read " + topic + " to its end within " + DEADLINE);
                }
                for (ConsumerRecord<String, byte[]> raw : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new Record(raw.key(), raw.value(), deserializer.deserialize(topic, raw.value())));
                }
            }
            return records;
        }
    }
}
