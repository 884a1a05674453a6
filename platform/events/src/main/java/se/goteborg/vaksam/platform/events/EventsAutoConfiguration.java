package se.goteborg.vaksam.platform.events;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import com.mongodb.reactivestreams.client.MongoDatabase;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;

/**
 * Kafka wiring every service shares: topics created at start-up (the broker never auto-creates), a producer that
 * loses nothing (acks=all, idempotence), Avro through the registry, and listeners that retry with back-off and
 * then park the record on the dead-letter topic so the pipeline goes on.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        after = StoreAutoConfiguration.class)
@EnableKafka
public class EventsAutoConfiguration {

    private final String bootstrapServers;
    private final String registryUrl;

    EventsAutoConfiguration(@Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
                            @Value("${vaksam.registry.url:http://localhost:8090/apis/registry/v2}") String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaAdmin kafkaAdmin() {
        KafkaAdmin admin = new KafkaAdmin(Map.of("bootstrap.servers", bootstrapServers));
        admin.setFatalIfBrokerNotAvailable(true);
        admin.setModifyTopicConfigs(false);
        return admin;
    }

    @Bean
    KafkaAdmin.NewTopics vaksamTopics() {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream().map(EventsAutoConfiguration::newTopic)
                .toArray(NewTopic[]::new));
    }

    static NewTopic newTopic(Topic<?, ?> topic) {
        Map<String, String> configs = new HashMap<>();
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        configs.put(TopicConfig.RETENTION_MS_CONFIG,
                topic.retention() == null ? "-1" : Long.toString(topic.retention().toMillis()));
        return new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty()).configs(configs);
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventProducerFactory")
    ProducerFactory<String, SpecificRecord> eventProducerFactory() {
        Map<String, Object> config = new HashMap<>(SerdeConfig.forRegistry(registryUrl));
        config.putAll(noLossProducer());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventTemplate")
    KafkaTemplate<String, SpecificRecord> eventTemplate(ProducerFactory<String, SpecificRecord> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> eventTemplate) {
        return new EventPublisher(eventTemplate);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoDatabase database, Clock clock) {
        return new ProcessedEvents(database, clock);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<String, Object> kafkaListenerContainerFactory(
            KafkaTemplate<String, SpecificRecord> eventTemplate,
            @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String groupId,
            @Value("${vaksam.kafka.retry.initial-interval-ms:200}") long initialInterval,
            @Value("${vaksam.kafka.retry.max-attempts:5}") int maxAttempts,
            @Value("${vaksam.kafka.listener.concurrency:3}") int concurrency) {
        Map<String, Object> config = new HashMap<>(SerdeConfig.forRegistry(registryUrl));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroKafkaDeserializer.class);
        ConsumerFactory<String, Object> consumerFactory = new DefaultKafkaConsumerFactory<>(config);

        var factory = new ConcurrentKafkaListenerContainerFactory<String, Object>();
        factory.setConsumerFactory(consumerFactory);
        // Each record is handled to its end before the next of its partition (per-key order, offsets committed after
        // the work is stored), so one consumer would handle every partition's records one after another, each
        // waiting on the store; several share the topic's partitions and wait in parallel.
        factory.setConcurrency(concurrency);
        factory.setCommonErrorHandler(errorHandler(eventTemplate, initialInterval, maxAttempts));
        return factory;
    }

    private DefaultErrorHandler errorHandler(KafkaTemplate<String, SpecificRecord> eventTemplate,
                                             long initialInterval, int maxAttempts) {
        Map<String, Object> rawConfig = new HashMap<>(noLossProducer());
        rawConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        rawConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<String, byte[]> rawTemplate = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(rawConfig));

        // Undecodable records are parked as their original bytes; records that failed in handling keep their Avro form.
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, rawTemplate);
        templates.put(SpecificRecord.class, eventTemplate);
        var recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> new TopicPartition(Topics.DEAD_LETTER.name(), -1));

        var backOff = new ExponentialBackOff(initialInterval, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxAttempts(maxAttempts);
        return new DefaultErrorHandler(recoverer, backOff);
    }

    private Map<String, Object> noLossProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Bounded waits while the broker is away: the outbox keeps the event and the next pass retries.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }
}
