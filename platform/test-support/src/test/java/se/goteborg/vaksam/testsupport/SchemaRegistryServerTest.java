package se.goteborg.vaksam.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRegistryServerTest {

    @TempDir
    Path repo;

    @Test
    void findsTheBuiltJarFromAnyModuleBelowTheRepositoryRoot() throws IOException {
        Path jar = Files.createDirectories(repo.resolve(SchemaRegistryServer.RUNNABLE_JAR).getParent())
                .resolve("quarkus-run.jar");
        Files.createFile(jar);
        Path module = Files.createDirectories(repo.resolve("services/tip-intake"));

        assertThat(SchemaRegistryServer.locateJar(module)).isEqualTo(jar);
    }

    @Test
    void tellsHowToBuildTheRegistryWhenItsJarIsMissing() throws IOException {
        Files.createDirectories(repo.resolve(SchemaRegistryServer.REGISTRY_MODULE));
        Path module = Files.createDirectories(repo.resolve("platform/events"));

        assertThatThrownBy(() -> SchemaRegistryServer.locateJar(module))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus-run.jar is missing")
                .hasMessageContaining("./mvnw -pl devstack/schema-registry package");
    }

    @Test
    void refusesToRunOutsideTheRepository() {
        assertThatThrownBy(() -> SchemaRegistryServer.locateJar(repo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("devstack/schema-registry");
    }
}
