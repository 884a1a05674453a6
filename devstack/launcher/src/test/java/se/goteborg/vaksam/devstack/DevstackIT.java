package se.goteborg.vaksam.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real infrastructure (broker, store, registry) through the Devstack API, the way the
 * e2e tests start the whole stack on free ports in a temporary data directory.
 */
class DevstackIT {

    private static final Path ROOT = Devstack.findRepositoryRoot(Path.of("")).orElseThrow();
    private static final String SCHEMA = """
            {"type":"record","name":"Check","namespace":"se.goteborg.vaksam.devstack",\
            "fields":[{"name":"a","type":"string"}]}""";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void startsTheInfrastructureStopsItInReverseAndKeepsItsDataForTheNextRun() throws Exception {
        long globalId;
        List<Long> pids = new ArrayList<>();
        try (RunningDevstack stack = startInfrastructure()) {
            System.out.print(Summary.render(stack));
            assertThat(stack.components()).containsExactlyInAnyOrderElementsOf(Component.infrastructure());
            for (Component component : stack.components()) {
                assertThat(stack.isRunning(component)).as(component.id()).isTrue();
                assertThat(stack.residentKib(component)).as(component.id() + " RSS").isPresent();
                pids.add(stack.pid(component).orElseThrow());
            }
            assertThat(stack.kafkaBootstrap()).isEqualTo("localhost:" + stack.ports().get(Port.KAFKA));
            assertThat(stack.mongoUri()).isEqualTo("mongodb://localhost:" + stack.ports().get(Port.MONGO));
            globalId = registerSchema(stack.registryUrl());

            stack.stop(Component.MONGO_STORE);
            assertThat(stack.isRunning(Component.MONGO_STORE)).isFalse();
            stack.start(Component.MONGO_STORE);
            assertThat(stack.isRunning(Component.MONGO_STORE)).isTrue();
            assertThat(HealthProbe.tcp(stack.ports().get(Port.MONGO)).isHealthy()).isTrue();
            assertThat(stack.logFile(Component.MONGO_STORE)).content()
                    .as("the restart keeps the first process's log").contains("data kept in");

        }

        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid " + pid).isEmpty();
        }
        assertThat(lastLineStartingWith("schema-registry stopped"))
                .isLessThan(lastLineStartingWith("mongo-store stopped"))
                .isLessThan(lastLineStartingWith("kafka-broker stopped"));
        assertThat(dataDir.resolve("logs/kafka-broker.log")).content().contains("Kafka broker ready");
        assertThat(dataDir.resolve("data/kafka/meta.properties")).exists();
        assertThat(dataDir.resolve("data/mongo/vaksam.mv")).exists();

        Files.delete(dataDir.resolve("logs/kafka-broker.log"));
        try (RunningDevstack again = startInfrastructure()) {
            HttpResponse<String> schema = http.send(HttpRequest.newBuilder(
                    URI.create(again.registryUrl() + "/ids/globalIds/" + globalId)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(schema.body()).contains("\"Check\"");
            assertThat(dataDir.resolve("logs/kafka-broker.log")).content().doesNotContain("Formatting");

            ProcessHandle.of(again.pid(Component.MONGO_STORE).orElseThrow()).orElseThrow().destroyForcibly();
            await("the crash of mongo-store reported").atMost(Duration.ofSeconds(30))
                    .until(() -> progress.stream().anyMatch(line -> line.startsWith("mongo-store exited unexpectedly")));
        }
    }

    @Test
    void aChildThatDiesDuringStartUpIsNamedAndTheOthersAreStopped(@TempDir Path root) throws IOException {
        Files.createFile(root.resolve("mvnw"));
        Files.createDirectories(root.resolve("devstack/launcher"));
        Path store = StackPlan.jar(root, Component.MONGO_STORE);
        Files.createDirectories(store.getParent());
        Files.copy(StackPlan.jar(ROOT, Component.MONGO_STORE), store);
        Path identity = StackPlan.jar(root, Component.IDENTITY);
        Files.createDirectories(identity.getParent());
        Files.writeString(identity, "not a jar");
        Ports ports = Ports.free();

        // identity starts only once the store is healthy, so the store is surely running when identity dies.
        assertThatThrownBy(() -> Devstack.builder().repositoryRoot(root).dataDir(dataDir).ports(ports)
                .components(Component.MONGO_STORE, Component.IDENTITY).progress(progress::add).start())
                .isInstanceOfSatisfying(DevstackException.class, e -> {
                    assertThat(e.component()).contains(Component.IDENTITY);
                    assertThat(e.logFile()).contains(dataDir.resolve("logs/identity.log"));
                })
                .hasMessageContaining("identity exited with code 1 during start-up; its log: ");

        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("mongo-store healthy"));
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("mongo-store stopped"));
        try (ServerSocket again = new ServerSocket(ports.get(Port.MONGO), 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the store's port is free again").isEqualTo(ports.get(Port.MONGO));
        }
    }

    private RunningDevstack startInfrastructure() {
        assertThat(Component.infrastructure()).allSatisfy(component -> assertThat(StackPlan.jar(ROOT, component))
                .as("built by its own module earlier in the reactor").exists());
        return Devstack.builder()
                .repositoryRoot(ROOT)
                .dataDir(dataDir)
                .freePorts()
                .components(Component.infrastructure())
                .progress(line -> {
                    progress.add(line);
                    System.out.println("[devstack] " + line);
                })
                .start();
    }

    private int lastLineStartingWith(String prefix) {
        Optional<String> line = progress.stream().filter(candidate -> candidate.startsWith(prefix)).reduce((a, b) -> b);
        assertThat(line).as("a progress line starting with '" + prefix + "' in " + progress).isPresent();
        return progress.lastIndexOf(line.get());
    }

    private long registerSchema(String registryUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(registryUrl + "/groups/default/artifacts"))
                .header("Content-Type", "application/json")
                .header("X-Registry-ArtifactType", "AVRO")
                .header("X-Registry-ArtifactId", "vaksam.devstack.check.v1-value")
                .POST(HttpRequest.BodyPublishers.ofString(SCHEMA))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String body = response.body();
        int at = body.indexOf("\"globalId\":") + "\"globalId\":".length();
        return Long.parseLong(body.substring(at, body.indexOf(',', at)).trim());
    }
}
