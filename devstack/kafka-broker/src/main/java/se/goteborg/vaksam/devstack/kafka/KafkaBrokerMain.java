package se.goteborg.vaksam.devstack.kafka;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * Runs a real Apache Kafka broker in KRaft mode (combined broker and controller, one node) for the
 * local run. Stops cleanly on SIGTERM so the next start needs no log recovery.
 */
public final class KafkaBrokerMain {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerMain.class);

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings;
        try {
            settings = BrokerSettings.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kafka-broker: " + e.getMessage());
            System.exit(2);
            return;
        }
        KafkaConfig config = new KafkaConfig(BrokerProperties.of(settings), false);
        String clusterId = BrokerStorage.formatIfNew(settings.logDir(), System.out);
        log.info("Kafka storage in {} belongs to cluster {}", settings.logDir(), clusterId);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            log.info("Kafka broker stopped");
        }, "kafka-broker-shutdown"));
        try {
            server.startup();
        } catch (Throwable e) {
            log.error("Kafka broker failed to start", e);
            System.exit(1);
        }
        log.info("Kafka broker ready at {}", settings.bootstrapServers());
        server.awaitShutdown();
    }
}
