package se.goteborg.vaksam.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path dir;

    private final Path fatJar = Path.of("/repo/services/tip-intake/target/tip-intake.jar");
    private final List<String> command = List.of("/jdk/bin/java", "-Xmx256m", "-jar", fatJar.toString());

    @Test
    void aFirstRunWritesAnArchiveUnderATemporaryName() {
        var prepared = new ClassDataSharing.Prepared(command, fatJar, dir.resolve("app/tip-intake.jar"),
                dir.resolve("app.jsa"));

        assertThat(prepared.command()).hasSize(6);
        assertThat(prepared.command().get(2)).startsWith("-XX:ArchiveClassesAtExit=" + dir.resolve("app-"))
                .endsWith(".jsa.tmp");
        assertThat(prepared.command().subList(3, 6))
                .containsExactly("-Xlog:cds=off", "-jar", dir.resolve("app/tip-intake.jar").toString());
    }

    @Test
    void laterRunsMapTheArchive() throws IOException {
        Files.writeString(dir.resolve("app.jsa"), "archive");

        var prepared = new ClassDataSharing.Prepared(command, fatJar, dir.resolve("app/tip-intake.jar"),
                dir.resolve("app.jsa"));

        assertThat(prepared.command()).containsExactly("/jdk/bin/java", "-Xmx256m",
                "-XX:SharedArchiveFile=" + dir.resolve("app.jsa"), "-Xlog:cds=off",
                "-jar", dir.resolve("app/tip-intake.jar").toString());
    }

    @Test
    void keepsTheArchiveOfACleanStopOnly() throws IOException {
        var clean = new ClassDataSharing.Prepared(command, fatJar, dir.resolve("x.jar"), dir.resolve("app.jsa"));
        Files.writeString(dumpOf(clean), "written at exit");
        clean.childExited(143);

        assertThat(dir.resolve("app.jsa")).hasContent("written at exit");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");

        Files.delete(dir.resolve("app.jsa"));
        var crashed = new ClassDataSharing.Prepared(command, fatJar, dir.resolve("x.jar"), dir.resolve("app.jsa"));
        Files.writeString(dumpOf(crashed), "torn");
        crashed.childExited(137);

        assertThat(dir.resolve("app.jsa")).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFileThatIsNoSpringBootJarRunsAsItIs() throws IOException {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a jar");

        var sharing = new ClassDataSharing(dir.resolve("cds"), Path.of(System.getProperty("java.home"), "bin", "java"));

        assertThat(sharing.prepare("broken", notAJar, List.of("java", "-jar", notAJar.toString()))).isEmpty();
    }

    private static Path dumpOf(ClassDataSharing.Prepared prepared) {
        String option = prepared.command().stream().filter(part -> part.startsWith("-XX:ArchiveClassesAtExit="))
                .findFirst().orElseThrow();
        return Path.of(option.substring("-XX:ArchiveClassesAtExit=".length()));
    }
}
