package se.goteborg.vaksam.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void defaultsMatchTheRuntimeContract() {
        StoreSettings settings = StoreSettings.fromArgs();

        assertThat(settings.port()).isEqualTo(27017);
        assertThat(settings.file()).isEqualTo(Path.of(".devstack/data/mongo/vaksam.mv").toAbsolutePath());
        assertThat(settings.uri()).isEqualTo("mongodb://localhost:27017");
    }

    @Test
    void readsPortAndFile() {
        StoreSettings settings = StoreSettings.fromArgs("--port=37017", "--file=/tmp/m/store.mv");

        assertThat(settings.port()).isEqualTo(37017);
        assertThat(settings.file()).isEqualTo(Path.of("/tmp/m/store.mv"));
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreSettings.fromArgs("--dir=/tmp"))
                .withMessageContaining("--dir");
        assertThatIllegalArgumentException().isThrownBy(() -> StoreSettings.fromArgs("--port=0"))
                .withMessageContaining("--port");
        assertThatIllegalArgumentException().isThrownBy(() -> StoreSettings.fromArgs("port=1"))
                .withMessageContaining("--name=value");
    }
}
