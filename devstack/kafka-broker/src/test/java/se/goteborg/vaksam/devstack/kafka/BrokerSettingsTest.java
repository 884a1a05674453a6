package se.goteborg.vaksam.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void defaultsMatchTheRuntimeContract() {
        BrokerSettings settings = BrokerSettings.fromArgs();

        assertThat(settings.port()).isEqualTo(9092);
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.logDir()).isEqualTo(Path.of(".devstack/data/kafka").toAbsolutePath());
        assertThat(settings.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void readsPortsAndLogDir() {
        BrokerSettings settings = BrokerSettings.fromArgs("--port=19092", "--controller-port=19093", "--log-dir=/tmp/k");

        assertThat(settings.port()).isEqualTo(19092);
        assertThat(settings.controllerPort()).isEqualTo(19093);
        assertThat(settings.logDir()).isEqualTo(Path.of("/tmp/k"));
    }

    @Test
    void rejectsUnknownOptionsByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerSettings.fromArgs("--prot=1"))
                .withMessageContaining("--prot");
    }

    @Test
    void rejectsBadPorts() {
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerSettings.fromArgs("--port=x"))
                .withMessageContaining("--port");
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerSettings.fromArgs("--port=70000"))
                .withMessageContaining("--port");
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerSettings.fromArgs("--port=5", "--controller-port=5"))
                .withMessageContaining("differ");
    }
}
