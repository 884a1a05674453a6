package se.goteborg.vaksam.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;

/**
 * The records of one topic on {@link KafkaBroker} from its beginning, as raw bytes and decoded through the registry
 * as another service sees them, for tests to read to the current end or to wait on.
 */
public final class TopicRecords<V> implements AutoCloseable {

    /** How long reading and waiting may take before the test fails. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    /** One record: its key, its value's bytes as they travel, and that value decoded. */
    public record Record<V>(String key, byte[] raw, V value) {
    }

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroKafkaDeserializer<V> values;
    private final List<Record<V>> seen = new ArrayList<>();

    /**
     * Starts reading at the beginning of the topic, which must exist. The serde settings are the ones the services
     * use ({@code SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())}), so values decode as they do there.
     */
    public TopicRecords(String topic, Map<String, ?> serde) {
        this.topic = topic;
        values = new AvroKafkaDeserializer<>();
        values.configure(serde, false);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList());
        consumer.seekToBeginning(consumer.assignment());
    }

    /** Every record on the topic so far, read by a reader of its own. */
    public static <V> List<Record<V>> readAll(String topic, Map<String, ?> serde) {
        try (var records = new TopicRecords<V>(topic, serde)) {
            return records.allMatching(record -> true);
        }
    }

    /** At least {@code count} records matching, waiting for them up to the deadline. */
    public List<Record<V>> awaitMatching(Predicate<? super Record<V>> match, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<Record<V>> matching = seenMatching(match);
            if (matching.size() >= count) {
                return matching;
            }
            poll();
        }
        throw new AssertionError("Fewer than " + count + " matching records on " + topic + " within " + DEADLINE
                + ": " + seenMatching(match).stream().map(Record::value).toList());
    }

    /** Every matching record published so far: reads up to the current end of the topic. */
    public List<Record<V>> allMatching(Predicate<? super Record<V>> match) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        Instant deadline = Instant.now().plus(DEADLINE);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Could not read " + topic + " to its end within " + DEADLINE);
            }
            poll();
        }
        return seenMatching(match);
    }

    /** Waits until the consumer group has committed past the record, that is, has handled it. */
    public static void awaitHandled(String group, RecordMetadata record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            Awaitility.await(group + " handled " + partition + "@" + record.offset()).atMost(DEADLINE).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private List<Record<V>> seenMatching(Predicate<? super Record<V>> match) {
        return seen.stream().filter(match).toList();
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(new Record<>(record.key(), record.value(),
                    record.value() == null ? null : values.deserialize(topic, record.value())));
        }
    }

    @Override
    public void close() {
        consumer.close();
        values.close();
    }
}
