package se.goteborg.vaksam.devstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class data sharing for the Spring Boot children: on two cores, class loading and
 * verification are most of a service's start-up. The JVM can only share classes loaded from plain
 * jars, so each fat jar is extracted once (Spring Boot's {@code -Djarmode=tools extract}); the first
 * run writes an archive when the child stops; later runs map it and need about half the CPU to start.
 * The cache lives beside the repository's builds, not in a run's data directory, so test runs in
 * fresh directories share it. Whatever fails here only means starting from the fat jar as before.
 */
final class ClassDataSharing {

    private static final String ARCHIVE = "app.jsa";

    private final Path cacheRoot;
    private final Path java;

    ClassDataSharing(Path cacheRoot, Path java) {
        this.cacheRoot = cacheRoot;
        this.java = java;
    }

    /** The command to run instead of {@code command}, or empty to run the fat jar as it is. */
    Optional<Prepared> prepare(String name, Path fatJar, List<String> command) {
        Path dir = cacheRoot.resolve(name);
        try {
            Files.createDirectories(cacheRoot);
            // Two stacks starting at once (parallel test forks) must not extract into the same folder together.
            try (FileChannel lockFile = FileChannel.open(cacheRoot.resolve(name + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                Path extracted = dir.resolve("app").resolve(fatJar.getFileName());
                String stamp = Files.size(fatJar) + " " + Files.getLastModifiedTime(fatJar).toMillis() + " " + fatJar;
                Path stampFile = dir.resolve("source");
                boolean current = Files.isRegularFile(extracted) && Files.isRegularFile(stampFile)
                        && Files.readString(stampFile).equals(stamp);
                if (!current && !extract(fatJar, dir, extracted)) {
                    return Optional.empty();
                }
                if (!current) {
                    Files.writeString(stampFile, stamp);
                }
                return Optional.of(new Prepared(command, fatJar, extracted, dir.resolve(ARCHIVE)));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean extract(Path fatJar, Path dir, Path extracted) throws IOException {
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", fatJar.toString(),
                "extract", "--destination", dir.resolve("app").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("extract.log").toFile())
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        return process.exitValue() == 0 && Files.isRegularFile(extracted);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A child's command with the extracted jar and either the archive to map or the file to write one to. */
    static final class Prepared {

        private final List<String> command;
        private final Path archive;
        private final Path dump;

        Prepared(List<String> original, Path fatJar, Path extracted, Path archive) {
            this.archive = archive;
            // Written under a name of its own and moved into place after a clean exit, so a child killed
            // while writing, or two stacks writing at once, never leave a torn archive to map.
            this.dump = Files.isRegularFile(archive) ? null
                    : archive.resolveSibling("app-" + UUID.randomUUID() + ".jsa.tmp");
            List<String> replaced = new ArrayList<>(original.size() + 2);
            for (String part : original) {
                if (part.equals("-jar")) {
                    replaced.add(dump == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + dump);
                    // The JVM's CDS warnings (classes it chose not to archive) would fill the child's log.
                    replaced.add("-Xlog:cds=off");
                }
                replaced.add(part.equals(fatJar.toString()) ? extracted.toString() : part);
            }
            this.command = List.copyOf(replaced);
        }

        List<String> command() {
            return command;
        }

        /** After the child exited: keeps an archive written on a clean stop, drops anything else; true if kept. */
        boolean childExited(int exitCode) {
            if (dump == null || !Files.exists(dump)) {
                return false;
            }
            try {
                if ((exitCode == 0 || exitCode == 143) && Files.size(dump) > 0) {
                    Files.move(dump, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return true;
                }
                Files.deleteIfExists(dump);
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(dump);
                } catch (IOException ignored) {
                    // A stray temporary file costs disk space only; the next clean stop replaces the archive.
                }
            }
            return false;
        }
    }
}
