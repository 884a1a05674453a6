package se.goteborg.vaksam.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    private ChildProcess child;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.stop(Duration.ZERO);
        }
    }

    @Test
    void writesOutputAndEnvironmentToItsLogOnly() throws IOException {
        Path log = dir.resolve("logs").resolve("echo.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "previous run\n");
        child = ChildProcess.start("echo", List.of("bash", "-c", "echo out $GREETING; echo err >&2"),
                Map.of("GREETING", "hej"), dir, log, false);

        assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(10))
                .satisfies(process -> assertThat(process.exitValue()).isZero());
        assertThat(Files.readString(log)).contains("out hej").contains("err").doesNotContain("previous run");
    }

    @Test
    void appendsToTheLogOfAnEarlierProcessWhenAsked() throws IOException {
        Path log = dir.resolve("again.log");
        Files.writeString(log, "before the restart\n");
        child = ChildProcess.start("again", List.of("echo", "after the restart"), Map.of(), dir, log, true);

        assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(Files.readString(log)).isEqualTo("before the restart\nafter the restart\n");
    }

    @Test
    void stopsWithSigtermFirst() throws IOException {
        Path log = dir.resolve("sleeper.log");
        child = ChildProcess.start("sleeper", List.of("sleep", "60"), Map.of(), dir, log, false);

        await("the pid running sleep itself, not a wrapper around it").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(child.pid()).flatMap(handle -> handle.info().command())
                        .filter(command -> command.endsWith("sleep")).isPresent());
        int exitCode = child.stop(Duration.ofSeconds(10));

        assertThat(exitCode).isEqualTo(143);
        assertThat(child.isAlive()).isFalse();
        assertThat(child.isStopping()).isTrue();
    }

    @Test
    void killsAChildThatIgnoresSigterm() throws IOException {
        Path log = dir.resolve("stubborn.log");
        child = ChildProcess.start("stubborn",
                List.of("bash", "-c", "trap '' TERM; echo ready; exec sleep 60"), Map.of(), dir, log, false);
        await("child ignoring SIGTERM").atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(log) && Files.readString(log).contains("ready"));

        int exitCode = child.stop(Duration.ofMillis(300));

        assertThat(exitCode).as("killed by SIGKILL").isEqualTo(137);
    }

    @Test
    void runsInASessionOfItsOwnWhereSetsidExists() {
        List<String> command = ChildProcess.detachedFromTerminal(List.of("java", "-jar", "x.jar"));

        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            assertThat(command).containsExactly("/usr/bin/setsid", "java", "-jar", "x.jar");
        } else {
            assertThat(command).containsExactly("java", "-jar", "x.jar");
        }
    }
}
