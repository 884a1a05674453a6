package se.goteborg.vaksam.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.mongodb.reactivestreams.client.MongoDatabase;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.intake.member.MemberEvents;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 3 item 10: hundreds of hostile requests ({@link HostileCases}) against tip-intake on the real broker, registry
 * and store. Each must get a 4xx problem and leave the tips collection as it was; at the end one valid tip is sent,
 * and once it is on the tip topic, it must be the only record there from this suite's members since the start,
 * so no hostile request was published either.
 */
@SpringBootTest(classes = TipIntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // Hundreds of requests from one address under one key are the point here, not abuse.
                "vaksam.intake.rate-limits.tips-per-member.requests=100000",
                "vaksam.intake.rate-limits.posts-per-address.requests=100000",
                "vaksam.intake.rate-limits.receipt-lookups-per-address.requests=100000",
                "vaksam.intake.rate-limits.failed-receipt-lookups-per-address.requests=100000"})
@AutoConfigureWebTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Every member of this suite has an id with this prefix, so its records on the shared topic are found by it. */
    private static final String MEMBERS = "hostile-" + RUN + "-";
    private static final String KEY = "hostile-key-" + RUN;
    private static final Map<String, String> KEY_OF = Map.of("REVOKED", "hostile-revoked-key-" + RUN,
            "SUSPENDED", "hostile-suspended-key-" + RUN);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, "tip-intake-hostile-" + RUN);
    }

    @Autowired WebTestClient client;
    @Autowired MongoDatabase database;
    @LocalServerPort int port;

    private KafkaConsumer<String, byte[]> tipTopic;
    private Map<TopicPartition, Long> tipTopicStart;
    private long tipsBefore;
    private Set<String> collectionsBefore;

    @BeforeAll
    void membersAndStartingPoint() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        Instant enrolled = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (var other : KEY_OF.entrySet()) {
            String memberId = MEMBERS + other.getKey().toLowerCase(Locale.ROOT);
            MemberEvents.publish(memberId, MemberType.HOTEL, MemberStatus.ACTIVE, other.getValue(), enrolled);
            MemberEvents.publish(memberId, MemberType.HOTEL, MemberStatus.valueOf(other.getKey()), other.getValue(),
                    enrolled.plusSeconds(1));
        }
        MemberEvents.publish(MEMBERS + "hotel", MemberType.HOTEL, MemberStatus.ACTIVE, KEY, enrolled);
        // The projection has the key once an empty tip is refused for what it is rather than for the key.
        Awaitility.await("member key known").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> client.post().uri(HostileCases.HOTEL).headers(h -> h.setBearerAuth(KEY))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                        .returnResult(Void.class).getStatus().value() == 400);
        Awaitility.await("revoked and suspended members known").atMost(DEADLINE).until(() ->
                Flux.from(database.getCollection("members").find(new Document("_id",
                                new Document("$in", List.of(MEMBERS + "revoked", MEMBERS + "suspended")))
                                .append("status", new Document("$ne", "ACTIVE"))))
                        .count().block() == 2);

        tipTopic = tipTopicReader();
        tipTopicStart = tipTopic.endOffsets(tipTopic.assignment());
        tipsBefore = tipCount();
        collectionsBefore = collections();
    }

    @AfterAll
    void closeReader() {
        if (tipTopic != null) {
            tipTopic.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> hostileRequestsAreRefusedAndLeaveNoTrace() {
        List<HostileCase> cases = HostileCases.all(KEY, KEY_OF, Instant.now());
        DynamicTest count = DynamicTest.dynamicTest("there are at least 300 distinct cases (" + cases.size() + ")",
                () -> {
                    assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
                    assertThat(HostileCases.duplicateNames(cases)).isEmpty();
                });
        Stream<DynamicTest> each = IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(
                String.format("%03d %s", i + 1, cases.get(i).name()), () -> refused(cases.get(i))));
        DynamicTest sentinel = DynamicTest.dynamicTest("a valid tip after all of them is published, and it alone",
                this::onlyTheSentinelIsPublished);
        return Stream.of(Stream.of(count), each, Stream.of(sentinel)).flatMap(s -> s);
    }

    private void refused(HostileCase hostile) throws IOException {
        long stored = tipCount();
        Answer answer = hostile.raw() ? sendRaw(hostile) : send(hostile);
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        String shown = hostile.name() + ": answer " + answer.status() + " " + answer.contentType() + " "
                + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        assertThat(answer.status()).as(shown).isBetween(400, 499);
        if (hostile.status() != 0) {
            assertThat(answer.status()).as(shown).isEqualTo(hostile.status());
        }
        if (hostile.bare()) {
            assertThat(tipCount()).as(hostile.name() + ": tips stored").isEqualTo(stored);
            return;
        }
        assertThat(answer.contentType()).as(shown).isNotNull();
        assertThat(MediaType.parseMediaType(answer.contentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(shown).isTrue();
        Map<?, ?> problem = JSON.readValue(answer.body(), Map.class);
        assertThat(problem.get("status")).as(shown).isEqualTo(answer.status());
        if (hostile.field() != null) {
            assertThat(problem.get("errors")).as(shown).isInstanceOf(List.class);
            List<Object> fields = ((List<?>) problem.get("errors")).stream()
                    .map(e -> (Object) ((Map<?, ?>) e).get("field")).toList();
            assertThat(fields).as(shown).contains(hostile.field());
        }
        assertThat(body).as("a problem never echoes markup").doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<svg");
        assertThat(tipCount()).as(hostile.name() + ": tips stored").isEqualTo(stored);
    }

    private void onlyTheSentinelIsPublished() {
        assertThat(collections()).as("collections").isEqualTo(collectionsBefore);
        Map<?, ?> receipt = client.post().uri(HostileCases.HOTEL).headers(h -> h.setBearerAuth(KEY))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bodies.json(Bodies.with(IntakeTestSupport.hotelTip(), "observedAt",
                        Instant.now().minusSeconds(60).toString())))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String sentinel = (String) receipt.get("tipId");
        assertThat(tipCount()).isEqualTo(tipsBefore + 1);

        AvroKafkaDeserializer<TipSubmitted> values = new AvroKafkaDeserializer<>();
        values.configure(SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()), false);
        tipTopicStart.forEach(tipTopic::seek);
        List<TipSubmitted> ours = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        // The sentinel was stored last, so once it is on the topic, anything stored before it would be too.
        while (ours.stream().noneMatch(tip -> tip.getTipId().equals(sentinel))) {
            assertThat(Instant.now()).as("sentinel %s published within %s", sentinel, DEADLINE).isBefore(deadline);
            for (ConsumerRecord<String, byte[]> record : tipTopic.poll(Duration.ofMillis(200))) {
                TipSubmitted tip = values.deserialize(record.topic(), record.value());
                if (tip.getMemberId().startsWith(MEMBERS)) {
                    ours.add(tip);
                }
            }
        }
        values.close();
        assertThat(ours).extracting(TipSubmitted::getTipId).containsExactly(sentinel);
    }

    // ---------------------------------------------------------------------------------------------------------------

    record Answer(int status, String contentType, byte[] body) {
    }

    private Answer send(HostileCase hostile) {
        var request = client.method(hostile.method())
                .uri(URI.create("http://localhost:" + port + hostile.path()))
                .headers(headers -> {
                    if (hostile.authorization() != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, hostile.authorization());
                    }
                    if (hostile.contentType() != null) {
                        headers.set(HttpHeaders.CONTENT_TYPE, hostile.contentType());
                    }
                    if (hostile.idempotencyKey() != null) {
                        headers.set("Idempotency-Key", hostile.idempotencyKey());
                    }
                    if (hostile.body() != null && !hostile.chunked()) {
                        headers.setContentLength(hostile.body().length);
                    }
                });
        var exchange = hostile.body() == null ? request.exchange()
                : request.body(BodyInserters.fromDataBuffers(buffers(hostile))).exchange();
        var result = exchange.expectBody(byte[].class).returnResult();
        MediaType type = result.getResponseHeaders().getContentType();
        byte[] body = result.getResponseBody();
        return new Answer(result.getStatus().value(), type == null ? null : type.toString(),
                body == null ? new byte[0] : body);
    }

    /** In one piece with its length declared, or in pieces without one, as a streaming client sends it. */
    private static Flux<DataBuffer> buffers(HostileCase hostile) {
        byte[] bytes = hostile.body();
        if (!hostile.chunked()) {
            return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
        }
        int piece = 16 * 1024;
        return Flux.range(0, (bytes.length + piece - 1) / piece).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(java.nio.ByteBuffer.wrap(bytes, i * piece, Math.min(piece, bytes.length - i * piece))));
    }

    /** HTTP/1.1 by hand, for header values that a client library would refuse or re-encode. */
    private Answer sendRaw(HostileCase hostile) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        byte[] body = hostile.body() == null ? new byte[0] : hostile.body();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost:" + port);
        headers.put("Connection", "close");
        if (hostile.authorization() != null) {
            headers.put(HttpHeaders.AUTHORIZATION, hostile.authorization());
        }
        if (hostile.contentType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, hostile.contentType());
        }
        if (hostile.idempotencyKey() != null) {
            headers.put("Idempotency-Key", hostile.idempotencyKey());
        }
        headers.put(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length));
        request.writeBytes((hostile.method().name() + " " + hostile.path() + " HTTP/1.1\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        headers.forEach((name, value) -> request.writeBytes((name + ": " + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("a complete HTTP response: %s", text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1)
                    .strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers.get("content-type"), body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("truncated chunked body");
    }

    private long tipCount() {
        return Mono.from(database.getCollection("tips").countDocuments()).block();
    }

    private Set<String> collections() {
        return Set.copyOf(Flux.from(database.listCollectionNames()).collectList().block());
    }

    private static KafkaConsumer<String, byte[]> tipTopicReader() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hostile-reader-" + RUN);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        String topic = Topics.TIP_SUBMITTED.name();
        consumer.assign(consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList());
        return consumer;
    }
}
