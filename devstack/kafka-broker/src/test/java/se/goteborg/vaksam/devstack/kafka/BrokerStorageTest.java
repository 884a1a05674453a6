package se.goteborg.vaksam.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerStorageTest {

    @TempDir
    Path logDir;

    @Test
    void formatsAnEmptyDirectoryOnceAndKeepsItsClusterId() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        String first = BrokerStorage.formatIfNew(logDir, new PrintStream(out, true, StandardCharsets.UTF_8));
        String formatted = out.toString(StandardCharsets.UTF_8);
        out.reset();
        String second = BrokerStorage.formatIfNew(logDir, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(formatted).contains("Formatting");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(BrokerStorage.existingClusterId(logDir)).contains(first);
    }

    @Test
    void anUnformattedDirectoryHasNoClusterId() throws Exception {
        assertThat(BrokerStorage.existingClusterId(logDir.resolve("missing"))).isEmpty();
    }
}
