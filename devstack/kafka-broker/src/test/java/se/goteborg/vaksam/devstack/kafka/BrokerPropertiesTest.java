package se.goteborg.vaksam.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import kafka.server.KafkaConfig;

class BrokerPropertiesTest {

    private final BrokerSettings settings = new BrokerSettings(29092, 29093, Path.of("/tmp/vaksam-kafka"));

    @Test
    void isAValidCombinedKraftNode() {
        KafkaConfig config = new KafkaConfig(BrokerProperties.of(settings), false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.autoCreateTopicsEnable()).isFalse();
        assertThat(config.logDirs()).containsExactly("/tmp/vaksam-kafka");
    }

    @Test
    void listensOnTheConfiguredPorts() {
        var props = BrokerProperties.of(settings);

        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:29092");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:29093");
    }

    @Test
    void everyInternalTopicFitsOneNode() {
        var props = BrokerProperties.of(settings);

        assertThat(props).containsEntry("min.insync.replicas", "1")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("auto.create.topics.enable", "false");
    }
}
