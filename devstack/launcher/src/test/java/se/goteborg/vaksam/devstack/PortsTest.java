package se.goteborg.vaksam.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void defaultsAreTheRuntimeContract() {
        Ports ports = Ports.defaults();

        assertThat(ports.get(Port.GATEWAY)).isEqualTo(8080);
        assertThat(ports.get(Port.TIP_INTAKE)).isEqualTo(8081);
        assertThat(ports.get(Port.PREMISES_RISK)).isEqualTo(8082);
        assertThat(ports.get(Port.ALERT_ROUTING)).isEqualTo(8083);
        assertThat(ports.get(Port.ALERT_INBOX)).isEqualTo(8084);
        assertThat(ports.get(Port.NETWORK_COORDINATION)).isEqualTo(8085);
        assertThat(ports.get(Port.IDENTITY)).isEqualTo(9000);
        assertThat(ports.get(Port.REGISTRY)).isEqualTo(8090);
        assertThat(ports.get(Port.KAFKA)).isEqualTo(9092);
        assertThat(ports.get(Port.KAFKA_CONTROLLER)).isEqualTo(9093);
        assertThat(ports.get(Port.MONGO)).isEqualTo(27017);
    }

    @Test
    void anOffsetMovesEveryPort() {
        Ports ports = Ports.withOffset(10000);

        assertThat(ports.get(Port.GATEWAY)).isEqualTo(18080);
        assertThat(ports.get(Port.MONGO)).isEqualTo(37017);
    }

    @Test
    void freePortsAreDistinct() {
        Ports ports = Ports.free();

        assertThat(new HashSet<>(ports.asMap().values())).hasSize(Port.values().length);
    }

    @Test
    void onePortCannotServeTwoComponents() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ports.defaults().with(Port.GATEWAY, 9092))
                .withMessageContaining("9092").withMessageContaining("gateway").withMessageContaining("kafka");
    }

    @Test
    void portsStayInRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> Ports.withOffset(40000))
                .withMessageContaining("mongo");
    }

    @Test
    void namesItsSettings() {
        assertThat(Port.KAFKA_CONTROLLER.envVar()).isEqualTo("VAKSAM_KAFKA_CONTROLLER_PORT");
        assertThat(Port.GATEWAY.envVar()).isEqualTo("VAKSAM_GATEWAY_PORT");
        assertThat(Port.TIP_INTAKE.systemProperty()).isEqualTo("vaksam.tip-intake.port");
    }
}
