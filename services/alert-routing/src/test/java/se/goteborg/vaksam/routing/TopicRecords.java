package se.goteborg.vaksam.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;

/** Everything published on one topic, read from the beginning through the registry, for tests to wait on. */
final class TopicRecords<V extends SpecificRecord> implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    TopicRecords(String topic) {
        Map<String, Object> config = new HashMap<>(SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var values = new AvroKafkaDeserializer<V>();
        values.configure(config, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.assign(consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList());
        consumer.seekToBeginning(consumer.assignment());
    }

    /** At least {@code count} records matching, waiting for them up to the deadline. */
    List<V> awaitMatching(Predicate<V> match, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<V> values = seenMatching(match);
            if (values.size() >= count) {
                return values;
            }
            poll();
        }
        throw new AssertionError("Fewer than " + count + " matching records within " + DEADLINE + ": "
                + seenMatching(match));
    }

    /** Every matching record published so far: reads up to the current end of the topic. */
    List<V> allMatching(Predicate<V> match) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        Instant deadline = Instant.now().plus(DEADLINE);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Topic not read to its end within " + DEADLINE);
            }
            poll();
        }
        return seenMatching(match);
    }

    private List<V> seenMatching(Predicate<V> match) {
        return seen.stream().map(ConsumerRecord::value).filter(match).toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    /** Waits until the consumer group has committed past the record, that is, has handled it. */
    static void awaitHandled(String group, RecordMetadata record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            Awaitility.await(group + " handled " + partition + "@" + record.offset()).atMost(DEADLINE).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
