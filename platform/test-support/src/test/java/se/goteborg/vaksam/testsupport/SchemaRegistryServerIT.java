package se.goteborg.vaksam.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class SchemaRegistryServerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Schema SCHEMA = SchemaBuilder.record("SerdeProbe")
            .namespace("se.goteborg.vaksam.testsupport")
            .fields()
            .requiredString("probeId")
            .requiredLong("sentAt")
            .optionalString("note")
            .endRecord();

    @Test
    void answersOnItsOwnAndTheConfluentCompatibleApi() throws Exception {
        var registry = SchemaRegistryServer.shared();

        HttpResponse<String> info = get(registry.url() + "/system/info");
        HttpResponse<String> subjects = get(registry.ccompatUrl() + "/subjects");

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(info.body()).path("version").asText()).startsWith("2.4.");
        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(subjects.body()).isArray()).isTrue();
    }

    @Test
    void apicurioAvroSerdeWritesConfluentWireFormatUnderTopicValue() throws Exception {
        var registry = SchemaRegistryServer.shared();
        String topic = "serde-probe";
        GenericRecord sent = new GenericRecordBuilder(SCHEMA)
                .set("probeId", "p-1")
                .set("sentAt", 1_700_000_000_000L)
                .set("note", "round trip")
                .build();

        var headers = new RecordHeaders();
        byte[] bytes;
        try (var serializer = new AvroKafkaSerializer<GenericRecord>()) {
            serializer.configure(serializerConfig(registry.url()), false);
            bytes = serializer.serialize(topic, headers, sent);
        }

        assertThat(headers.toArray()).as("no Apicurio headers").isEmpty();
        assertThat(bytes[0]).as("Confluent magic byte").isZero();
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();

        JsonNode subjectVersion = JSON.readTree(
                get(registry.ccompatUrl() + "/subjects/" + topic + "-value/versions/latest").body());
        assertThat(subjectVersion.path("id").asInt()).as("id in the record is the ccompat schema id").isEqualTo(schemaId);
        JsonNode artifact = JSON.readTree(
                get(registry.url() + "/groups/default/artifacts/" + topic + "-value/meta").body());
        assertThat(artifact.path("contentId").asInt()).isEqualTo(schemaId);

        assertThat(decodeAsConfluentClient(registry, bytes)).as("decoded via ccompat").isEqualTo(sent);

        try (var deserializer = new AvroKafkaDeserializer<GenericRecord>()) {
            deserializer.configure(Map.of("apicurio.registry.url", registry.url()), false);
            assertThat(deserializer.deserialize(topic, headers, bytes)).isEqualTo(sent);
        }
    }

    @Test
    void closeStopsTheRegistry() throws Exception {
        String url;
        try (var registry = SchemaRegistryServer.start()) {
            url = registry.url() + "/system/info";
            assertThat(get(url).statusCode()).isEqualTo(200);
        }

        assertThatThrownBy(() -> get(url)).isInstanceOf(IOException.class);
    }

    /** The serde settings the events platform uses, spelled out to prove each key against a real registry. */
    private static Map<String, Object> serializerConfig(String registryUrl) {
        return Map.of(
                "apicurio.registry.url", registryUrl,
                "apicurio.registry.auto-register", true,
                "apicurio.registry.artifact-resolver-strategy", "io.apicurio.registry.serde.strategy.TopicIdStrategy",
                "apicurio.registry.headers.enabled", false,
                "apicurio.registry.id-handler", "io.apicurio.registry.serde.Default4ByteIdHandler",
                "apicurio.registry.use-id", "contentId");
    }

    /** What a Confluent-ecosystem consumer does: look the id up in the ccompat API and read plain Avro binary. */
    private static GenericRecord decodeAsConfluentClient(SchemaRegistryServer registry, byte[] bytes) throws Exception {
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        String schemaJson = JSON.readTree(get(registry.ccompatUrl() + "/schemas/ids/" + schemaId).body())
                .path("schema").asText();
        Schema writerSchema = new Schema.Parser().parse(schemaJson);
        byte[] avro = Arrays.copyOfRange(bytes, 5, bytes.length);
        return new GenericDatumReader<GenericRecord>(writerSchema)
                .read(null, DecoderFactory.get().binaryDecoder(avro, null));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
