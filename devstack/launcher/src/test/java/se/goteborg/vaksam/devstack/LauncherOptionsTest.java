package se.goteborg.vaksam.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    private static LauncherOptions parse(Map<String, String> env, Map<String, String> properties, String... args) {
        return LauncherOptions.parse(args, env, properties::get);
    }

    @Test
    void withoutSettingsEverythingIsDefault() {
        LauncherOptions options = parse(Map.of(), Map.of());

        assertThat(options.help()).isFalse();
        assertThat(options.dataDir()).isNull();
        assertThat(options.ports().asMap()).isEqualTo(Ports.defaults().asMap());
    }

    @Test
    void optionsBeatPropertiesAndPropertiesBeatTheEnvironment() {
        LauncherOptions options = parse(
                Map.of("VAKSAM_GATEWAY_PORT", "1001", "VAKSAM_IDENTITY_PORT", "1002", "VAKSAM_MONGO_PORT", "1003"),
                Map.of("vaksam.gateway.port", "2001", "vaksam.identity.port", "2002"),
                "--gateway-port=3001");

        assertThat(options.ports().get(Port.GATEWAY)).isEqualTo(3001);
        assertThat(options.ports().get(Port.IDENTITY)).isEqualTo(2002);
        assertThat(options.ports().get(Port.MONGO)).isEqualTo(1003);
    }

    @Test
    void anOffsetAppliesToEveryPortNotSetExplicitly() {
        LauncherOptions options = parse(Map.of("VAKSAM_PORT_OFFSET", "100"), Map.of(), "--kafka-port=5000");

        assertThat(options.ports().get(Port.GATEWAY)).isEqualTo(8180);
        assertThat(options.ports().get(Port.KAFKA_CONTROLLER)).isEqualTo(9193);
        assertThat(options.ports().get(Port.KAFKA)).isEqualTo(5000);
    }

    @Test
    void readsTheDataDirectory() {
        assertThat(parse(Map.of("VAKSAM_DATA_DIR", "/env"), Map.of(), "--data-dir=/opt/v").dataDir())
                .isEqualTo(Path.of("/opt/v"));
        assertThat(parse(Map.of("VAKSAM_DATA_DIR", "/env"), Map.of()).dataDir()).isEqualTo(Path.of("/env"));
    }

    @Test
    void rejectsUnknownOptionsAndNonNumbers() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of(), Map.of(), "--gatway-port=1"))
                .withMessageContaining("--gatway-port");
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of(), Map.of(), "--port-offset=ten"))
                .withMessageContaining("port offset");
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of("VAKSAM_KAFKA_PORT", "x"), Map.of()))
                .withMessageContaining("kafka port");
        assertThatIllegalArgumentException().isThrownBy(() -> parse(Map.of(), Map.of(), "verbose"))
                .withMessageContaining("--name=value");
    }

    @Test
    void helpNamesEveryPort() {
        assertThat(parse(Map.of(), Map.of(), "--help").help()).isTrue();
        for (Port port : Port.values()) {
            assertThat(LauncherOptions.USAGE).contains(port.key());
        }
    }

    @Test
    void aBenchmarkMayStartOnlySomeComponents() {
        assertThat(parse(Map.of(), Map.of()).components()).containsExactlyInAnyOrder(Component.values());
        assertThat(parse(Map.of(), Map.of(), "--components=kafka-broker, network-coordination,gateway").components())
                .containsExactly(Component.KAFKA_BROKER, Component.NETWORK_COORDINATION, Component.GATEWAY);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(Map.of(), Map.of(), "--components=kafka-broker,postgres"))
                .withMessageContaining("postgres").withMessageContaining("mail-server");
        for (Component component : Component.values()) {
            assertThat(LauncherOptions.USAGE).contains(component.id());
        }
    }
}
