package se.goteborg.vaksam.events.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompatibilityGateTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("released");
    private static final Path TIP_SUBMITTED = Path.of("se/goteborg/vaksam/events/tip/TipSubmitted.avsc");
    private static final Path RECIPIENT = Path.of("se/goteborg/vaksam/events/common/Recipient.avsc");

    @Test
    void currentSchemasAreBackwardCompatibleWithTheNewestRelease() {
        assertThat(SchemaCompatibilityGate.newestRelease(RELEASED)).isPresent();
        assertThat(SchemaCompatibilityGate.violations(RELEASED, CURRENT)).isEmpty();
    }

    @Test
    void everyCurrentSchemaParsesAndEveryTypeHasItsOwnFileUnderItsNamespace() {
        var schemas = SchemaCompatibilityGate.parseAll(CURRENT);
        assertThat(schemas).hasSize(24);
        schemas.values().forEach(schema -> {
            Path expected = CURRENT.resolve(schema.getNamespace().replace('.', '/')).resolve(schema.getName() + ".avsc");
            assertThat(expected).as(schema.getFullName()).exists();
        });
    }

    @Test
    void rejectsANewRequiredFieldWithoutDefault(@TempDir Path work) throws IOException {
        Path current = copyOfCurrent(work);
        Path tip = current.resolve(TIP_SUBMITTED);
        Files.writeString(tip, Files.readString(tip).replace(
                "{\"name\": \"eventId\", \"type\": \"string\"},",
                "{\"name\": \"eventId\", \"type\": \"string\"}, {\"name\": \"hotelChain\", \"type\": \"string\"},"));

        assertThat(SchemaCompatibilityGate.violations(RELEASED, current))
                .anySatisfy(v -> assertThat(v).startsWith("se.goteborg.vaksam.events.tip.TipSubmitted")
                        .contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void rejectsARemovedEnumSymbolAndARemovedType(@TempDir Path work) throws IOException {
        Path current = copyOfCurrent(work);
        Path recipient = current.resolve(RECIPIENT);
        Files.writeString(recipient, Files.readString(recipient).replace(", \"LETTINGS_GROUP\"", ""));
        Files.delete(current.resolve("se/goteborg/vaksam/events/followup/FollowUpMessage.avsc"));

        var violations = SchemaCompatibilityGate.violations(RELEASED, current);

        assertThat(violations).anySatisfy(v -> assertThat(v).contains("Recipient").contains("MISSING_ENUM_SYMBOLS"));
        assertThat(violations).anySatisfy(v -> assertThat(v)
                .startsWith("se.goteborg.vaksam.events.followup.FollowUpMessage").contains("no longer defined"));
    }

    @Test
    void acceptsANewOptionalFieldWithDefault(@TempDir Path work) throws IOException {
        Path current = copyOfCurrent(work);
        Path tip = current.resolve(TIP_SUBMITTED);
        Files.writeString(tip, Files.readString(tip).replace(
                "{\"name\": \"eventId\", \"type\": \"string\"},",
                "{\"name\": \"eventId\", \"type\": \"string\"}, {\"name\": \"language\", \"type\": [\"null\", \"string\"], \"default\": null},"));

        assertThat(SchemaCompatibilityGate.violations(RELEASED, current)).isEmpty();
    }

    private static Path copyOfCurrent(Path work) throws IOException {
        Path target = work.resolve("avro");
        try (Stream<Path> files = Files.walk(CURRENT)) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(CURRENT.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
        return target;
    }
}
