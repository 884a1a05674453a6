package se.goteborg.vaksam.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevstackTest {

    @TempDir
    Path root;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void looksLikeTheRepository() throws IOException {
        Files.createFile(root.resolve("mvnw"));
        Files.createDirectories(root.resolve("devstack").resolve("launcher"));
    }

    private Devstack.Builder stack() {
        return Devstack.builder().repositoryRoot(root).dataDir(root.resolve(".devstack")).freePorts()
                .progress(progress::add);
    }

    private void fakeJar(Component component) throws IOException {
        Path jar = StackPlan.jar(root, component);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not a jar");
    }

    @Test
    void findsTheRepositoryRootFromASubfolder() throws IOException {
        Path module = Files.createDirectories(root.resolve("e2e").resolve("target"));

        assertThat(Devstack.findRepositoryRoot(module)).contains(root.toAbsolutePath().normalize());
        assertThat(Devstack.findRepositoryRoot(Path.of("/"))).isEmpty();
    }

    @Test
    void namesEveryJarThatIsNotBuilt() throws IOException {
        fakeJar(Component.KAFKA_BROKER);

        assertThatThrownBy(() -> stack().start())
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("Not built yet")
                .hasMessageContaining("services/tip-intake/target/tip-intake.jar")
                .hasMessageContaining("devstack/schema-registry/target/quarkus-app/quarkus-run.jar")
                .hasMessageNotContaining("kafka-broker.jar")
                .hasMessageContaining("./mvnw -DskipTests install");
    }

    @Test
    void refusesAPortThatIsTaken() throws IOException {
        fakeJar(Component.MONGO_STORE);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Devstack.Builder builder = stack().components(Component.MONGO_STORE).port(Port.MONGO, taken.getLocalPort());

            assertThatThrownBy(builder::start)
                    .isInstanceOf(DevstackException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (mongo) is in use")
                    .hasMessageContaining("VAKSAM_MONGO_PORT");
        }
    }

    @Test
    void namesTheChildThatDiedAndWhereItsLogIs() throws IOException {
        fakeJar(Component.MONGO_STORE);
        Devstack devstack = stack().components(Component.MONGO_STORE).build();

        assertThatThrownBy(devstack::start)
                .isInstanceOfSatisfying(DevstackException.class, e -> {
                    assertThat(e.component()).contains(Component.MONGO_STORE);
                    assertThat(e.logFile()).contains(root.resolve(".devstack/logs/mongo-store.log"));
                })
                .hasMessageContaining("mongo-store exited with code 1 during start-up")
                .hasMessageContaining("mongo-store.log");
        assertThat(Files.readString(root.resolve(".devstack/logs/mongo-store.log"))).containsIgnoringCase("jarfile");
        assertThat(devstack.isClosed()).isTrue();
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("start-up failed"));
    }

    @Test
    void startsOnlyOnce() throws IOException {
        fakeJar(Component.MONGO_STORE);
        Devstack devstack = stack().components(Component.MONGO_STORE).build();
        assertThatThrownBy(devstack::start).isInstanceOf(DevstackException.class);

        assertThatThrownBy(devstack::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void summaryShowsAddressesAndDemoCredentials() {
        String summary = Summary.render(new RunningDevstack(Devstack.builder().repositoryRoot(root).build()));

        assertThat(summary)
                .contains("http://localhost:8080  <- start here")
                .contains("http://localhost:8090/apis/registry/v2")
                .contains("localhost:9092 (controller 9093)")
                .contains("mongodb://localhost:27017")
                .contains("demo-hotel-key, demo-taxi-key")
                .contains("token endpoint http://localhost:8080/oauth2/token")
                .contains("police-demo", "police-demo-secret", "mika-demo", "social-children-demo",
                        "region-coordinators-demo", "lettings-demo", "coordinator-demo-secret")
                .contains("log in in the browser at http://localhost:8080/lettings", "password demo",
                        "lettings-officer", "police-officer", "coordinator ")
                .contains("police-duty", "oathtool --totp -b VAKSAMPOLICEDUTYDEMOTOTPSECRET22", "two-factor-trial")
                .contains(root.resolve(".devstack").resolve("logs").toString());
        assertThat(summary.indexOf("gateway")).isLessThan(summary.indexOf("kafka-broker"));
    }
}
