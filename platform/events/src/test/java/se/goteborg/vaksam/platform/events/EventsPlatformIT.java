package se.goteborg.vaksam.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.reactivestreams.client.MongoDatabase;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;

@SpringBootTest(classes = EventsPlatformIT.TestApp.class, properties = {
        "spring.application.name=events-platform-it",
        "vaksam.mongo.database=events-platform-it",
        "vaksam.kafka.retry.initial-interval-ms=10",
        "vaksam.kafka.retry.max-attempts=2"})
class EventsPlatformIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String POISONED_TIP = "tip-that-always-fails-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry);
    }

    @SpringBootApplication
    static class TestApp {
        final List<TipSubmitted> handled = new CopyOnWriteArrayList<>();

        @Bean
        OutboxRelay testOutboxRelay(MongoDatabase database, EventPublisher publisher) {
            return new OutboxRelay(database.getCollection("aggregates"), publisher, Duration.ofHours(1));
        }

        @KafkaListener(id = "events-platform-it-listener", topics = "vaksam.tip.submitted.v1")
        void on(TipSubmitted tip) {
            if (tip.getTipId().equals(POISONED_TIP)) {
                throw new IllegalStateException("handling always fails for this tip");
            }
            handled.add(tip);
        }
    }

    @Autowired TestApp app;
    @Autowired MongoDatabase database;
    @Autowired OutboxRelay relay;
    @Autowired ProcessedEvents processedEvents;

    @Test
    void createsEveryTopicWithItsSettingsAtStartUp() throws Exception {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            Topics.ALL.forEach(topic -> assertThat(names).contains(topic.name()));
            var description = admin.describeTopics(List.of(Topics.TIP_SUBMITTED.name())).allTopicNames().get()
                    .get(Topics.TIP_SUBMITTED.name());
            assertThat(description.partitions()).hasSize(Topics.TIP_SUBMITTED.partitions());
        }
    }

    @Test
    void outboxEventsReachTheTopicInConfluentWireFormatAndLeaveTheOutbox() {
        TipSubmitted tip = tip("tip-" + UUID.randomUUID());
        Document aggregate = new Document("_id", tip.getTipId())
                .append(Outbox.FIELD, List.of(Outbox.entry(Topics.TIP_SUBMITTED, tip.getTipId(), tip)));
        Mono.from(database.getCollection("aggregates").insertOne(aggregate)).block();

        relay.nudge(tip.getTipId());

        ConsumerRecord<String, byte[]> raw = awaitRaw(Topics.TIP_SUBMITTED.name(), r -> r.key().equals(tip.getTipId()));
        assertThat(raw.value()[0]).as("Confluent magic byte").isZero();
        assertThat(raw.headers().toArray()).as("no Apicurio headers").isEmpty();
        var deserializer = new AvroKafkaDeserializer<TipSubmitted>();
        deserializer.configure(SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()), false);
        assertThat(deserializer.deserialize(Topics.TIP_SUBMITTED.name(), raw.value())).isEqualTo(tip);

        awaitTrue("listener got the tip", () -> app.handled.stream().anyMatch(t -> t.getTipId().equals(tip.getTipId())));
        awaitTrue("outbox emptied", () -> Outbox.entries(Mono.from(database.getCollection("aggregates")
                .find(new Document("_id", tip.getTipId())).first()).block()).isEmpty());
    }

    @Test
    void processedEventsRunTheWorkOnceForARedeliveredEvent() {
        AtomicInteger runs = new AtomicInteger();
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            processedEvents.once("it-consumer", eventId, () -> Mono.fromRunnable(runs::incrementAndGet)).block();
        }
        assertThat(runs).hasValue(1);
        assertThat(processedEvents.seen("it-consumer", eventId).block()).isTrue();
        assertThat(processedEvents.seen("another-consumer", eventId).block()).isFalse();
    }

    @Test
    void poisonAndFailingRecordsGoToTheDeadLetterTopicAndThePipelineGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.TIP_SUBMITTED.name(), poisonKey, "not avro".getBytes()));
        }
        TipSubmitted failing = tip(POISONED_TIP);
        TipSubmitted healthy = tip("tip-" + UUID.randomUUID());
        Document aggregate = new Document("_id", "agg-" + UUID.randomUUID()).append(Outbox.FIELD, List.of(
                Outbox.entry(Topics.TIP_SUBMITTED, failing.getTipId(), failing),
                Outbox.entry(Topics.TIP_SUBMITTED, healthy.getTipId(), healthy)));
        Mono.from(database.getCollection("aggregates").insertOne(aggregate)).block();
        relay.nudge(aggregate.get("_id"));

        ConsumerRecord<String, byte[]> poison = awaitRaw(Topics.DEAD_LETTER.name(),
                r -> poisonKey.equals(r.key()));
        assertThat(new String(poison.value())).isEqualTo("not avro");
        assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo(Topics.TIP_SUBMITTED.name());
        ConsumerRecord<String, byte[]> failed = awaitRaw(Topics.DEAD_LETTER.name(), r -> POISONED_TIP.equals(r.key()));
        assertThat(header(failed, "kafka_dlt-exception-stacktrace")).contains("handling always fails");
        awaitTrue("the pipeline went on", () -> app.handled.stream().anyMatch(t -> t.getTipId().equals(healthy.getTipId())));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value());
    }

    static TipSubmitted tip(String tipId) {
        return TipSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTipId(tipId)
                .setMemberId("member-1")
                .setChannel(Channel.HOTEL)
                .setSubmittedAt(Instant.parse("2026-11-27T20:00:00Z"))
                .setObservedAt(Instant.parse("2026-11-27T19:30:00Z"))
                .setIndicators(List.of("BOOKER_NOT_OCCUPANT"))
                .setSuspectedMinor(SuspectedMinor.NO)
                .setImmediateDanger(false)
                .setExploitationType(ExploitationType.SEXUAL)
                .build();
    }

    private static ConsumerRecord<String, byte[]> awaitRaw(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(DEADLINE);
            List<String> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                    seen.add(record.key());
                }
            }
            throw new AssertionError("No matching record on " + topic + " within " + DEADLINE + "; saw keys " + seen);
        }
    }

    private static void awaitTrue(String what, java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await(what).atMost(DEADLINE).until(condition);
    }
}
