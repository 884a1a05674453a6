package se.goteborg.vaksam.events.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;


/**
 * Compares the current schemas with the newest released set: every released type must still exist, and the
 * current version must be able to read what the released one wrote, because consumers on the new version will
 * replay topics that old producers filled. Released enum symbols may never be removed.
 */
final class SchemaCompatibilityGate {

    private SchemaCompatibilityGate() {
    }

    static List<String> violations(Path releasedRoot, Path current) {
        Optional<Path> newestRelease = newestRelease(releasedRoot);
        if (newestRelease.isEmpty()) {
            return List.of();
        }
        Map<String, Schema> released = parseAll(newestRelease.get());
        Map<String, Schema> now = parseAll(current);
        List<String> problems = new ArrayList<>();
        released.forEach((name, old) -> {
            Schema reader = now.get(name);
            if (reader == null) {
                problems.add(name + ": released in " + newestRelease.get().getFileName() + " but no longer defined");
                return;
            }
            if (old.getType() == Schema.Type.ENUM) {
                // Avro lets a reader with an enum default swallow unknown symbols; a released code silently
                // turning into the default (a recipient into another) is never acceptable here.
                old.getEnumSymbols().stream()
                        .filter(symbol -> !reader.getEnumSymbols().contains(symbol))
                        .forEach(symbol -> problems.add(name + ": MISSING_ENUM_SYMBOLS " + symbol + " was released"));
            }
            var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, old).getResult();
            if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
                result.getIncompatibilities().forEach(i -> problems.add(
                        name + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")"));
            }
        });
        return problems;
    }

    static Optional<Path> newestRelease(Path releasedRoot) {
        if (!Files.isDirectory(releasedRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(releasedRoot)) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("v\\d+"))
                    .max(Comparator.comparingInt(d -> Integer.parseInt(d.getFileName().toString().substring(1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses every .avsc below root; files naming types defined in other files are retried until all resolve. */
    static Map<String, Schema> parseAll(Path root) {
        List<Path> pending;
        try (Stream<Path> files = Files.walk(root)) {
            pending = new ArrayList<>(files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Schema> byName = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<Path> failed = new ArrayList<>();
            AvroRuntimeException last = null;
            for (Path file : pending) {
                try {
                    // A fresh parser per attempt: a failed parse may leave half-registered names behind.
                    Schema.Parser parser = new Schema.Parser();
                    parser.addTypes(byName.values());
                    Schema schema = parser.parse(Files.readString(file));
                    byName.put(schema.getFullName(), schema);
                } catch (AvroRuntimeException e) {
                    failed.add(file);
                    last = e;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (failed.size() == pending.size()) {
                throw new IllegalStateException("Cannot parse " + failed + ": " + last.getMessage(), last);
            }
            pending = failed;
        }
        return byName;
    }
}
