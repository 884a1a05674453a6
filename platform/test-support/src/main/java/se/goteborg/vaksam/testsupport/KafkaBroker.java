package se.goteborg.vaksam.testsupport;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft, single node) inside the test JVM, shared by the tests of one JVM. Auto-creation of
 * topics is off, as in production, so tests prove that services create their topics.
 */
public final class KafkaBroker {

    private static EmbeddedKafkaKraftBroker shared;

    private KafkaBroker() {
    }

    public static synchronized EmbeddedKafkaKraftBroker shared() {
        if (shared == null) {
            var broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "false",
                    "offsets.topic.replication.factor", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-broker-stop"));
            shared = broker;
        }
        return shared;
    }

    public static String bootstrapServers() {
        return shared().getBrokersAsString();
    }
}
