package se.goteborg.vaksam.devstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/** Runs the packaged store jar as the local run does, and checks that a restart keeps the data. */
class MongoStoreIT {

    private static final Duration START_DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    private Process store;

    @AfterEach
    void stopStore() throws InterruptedException {
        if (store != null && store.isAlive()) {
            store.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void keepsDocumentsAndIndexesAcrossACleanRestart() throws Exception {
        int port = freePort();
        Path file = workDir.resolve("mongo").resolve("vaksam.mv");
        String uri = "mongodb://localhost:" + port;

        store = start(port, file, "first.log");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> tips = client.getDatabase("tip-intake").getCollection("tips");
            tips.createIndex(Indexes.ascending("receiptCode"), new IndexOptions().unique(true));
            tips.insertOne(new Document("_id", "tip-1").append("receiptCode", "R-1").append("status", "RECEIVED"));
        }
        stop(store);
        assertThat(file).isRegularFile();

        store = start(port, file, "second.log");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> tips = client.getDatabase("tip-intake").getCollection("tips");
            assertThat(tips.find(Filters.eq("_id", "tip-1")).first())
                    .isNotNull()
                    .containsEntry("receiptCode", "R-1")
                    .containsEntry("status", "RECEIVED");
            assertThat(tips.listIndexes().map(index -> index.getString("name")))
                    .contains("receiptCode_1");
            assertThat(client.listDatabaseNames()).contains("tip-intake");
        }
        stop(store);
    }

    private Process start(int port, Path file, String logName) throws IOException {
        Path jar = Path.of(System.getProperty("mongo-store.jar", "target/mongo-store.jar"));
        assertThat(jar).as("the packaged store jar").exists();
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--port=" + port, "--file=" + file)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(logName).toFile())
                .start();
        await("store on port " + port + " accepting connections")
                .atMost(START_DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .failFast("store process exited, see " + workDir.resolve(logName), () -> !process.isAlive())
                .until(() -> accepts(port));
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("store stopped within 30 s of SIGTERM").isTrue();
        // 143 is the JVM's exit status after running its shutdown hooks on SIGTERM.
        assertThat(process.exitValue()).isIn(0, 143);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
