package se.goteborg.vaksam.devstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged broker jar as the local run does, and checks that a restart keeps the data. */
class KafkaBrokerIT {

    private static final String TOPIC = "vaksam.devstack.check.v1";
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    private Process broker;

    @AfterEach
    void stopBroker() throws InterruptedException {
        if (broker != null && broker.isAlive()) {
            broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void keepsTopicsAndRecordsAcrossACleanRestart() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        Path logDir = workDir.resolve("kafka");
        String bootstrap = "localhost:" + port;

        broker = start(port, controllerPort, logDir, "first.log");
        String clusterId = BrokerStorage.existingClusterId(logDir).orElseThrow();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "tip-1", "kept")).get(30, TimeUnit.SECONDS);
        }
        assertThat(readAll(bootstrap)).extracting(ConsumerRecord::value).containsExactly("kept");

        stop(broker);
        assertThat(logDir.resolve(".kafka_cleanshutdown")).exists();

        broker = start(port, controllerPort, logDir, "second.log");
        assertThat(BrokerStorage.existingClusterId(logDir)).contains(clusterId);
        assertThat(Files.readString(workDir.resolve("second.log"))).doesNotContain("Formatting");
        List<ConsumerRecord<String, String>> afterRestart = readAll(bootstrap);
        assertThat(afterRestart).extracting(ConsumerRecord::key).containsExactly("tip-1");
        assertThat(afterRestart).extracting(ConsumerRecord::value).containsExactly("kept");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(TOPIC);
        }
        stop(broker);
    }

    @Test
    void refusesToCreateTopicsImplicitly() throws Exception {
        int port = freePort();
        broker = start(port, freePort(), workDir.resolve("kafka"), "broker.log");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000),
                new StringSerializer(), new StringSerializer())) {
            var send = producer.send(new ProducerRecord<>("vaksam.undeclared.v1", "k", "v"));
            assertThat(send).failsWithin(Duration.ofSeconds(30));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("vaksam.undeclared.v1");
        }
        stop(broker);
    }

    private Process start(int port, int controllerPort, Path logDir, String logName) throws IOException {
        Path jar = Path.of(System.getProperty("kafka-broker.jar", "target/kafka-broker.jar"));
        assertThat(jar).as("the packaged broker jar").exists();
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(),
                "--port=" + port, "--controller-port=" + controllerPort, "--log-dir=" + logDir)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(logName).toFile())
                .start();
        await("broker on port " + port + " accepting connections")
                .atMost(START_DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .failFast("broker process exited, see " + workDir.resolve(logName), () -> !process.isAlive())
                .until(() -> accepts(port));
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("broker stopped within 60 s of SIGTERM").isTrue();
        // 143 is the JVM's exit status after running its shutdown hooks on SIGTERM.
        assertThat(process.exitValue()).isIn(0, 143);
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), Duration.ofSeconds(30)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition, Duration.ofSeconds(30)) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
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
