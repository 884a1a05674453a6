package se.goteborg.vaksam.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One started child: its output goes to its log file only, and it is stopped with SIGTERM before SIGKILL. */
final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** {@code appendLog}: keep what an earlier process of the same name wrote, e.g. before a restart. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Path workingDirectory, Path logFile, boolean appendLog) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(detachedFromTerminal(command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendLog
                        ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), logFile);
    }

    /**
     * Ctrl-C in a terminal signals the whole foreground process group at once. In a session of its own
     * a child hears only the launcher, which stops the children one by one in reverse start order.
     * setsid execs in place here (the child is no group leader), so the pid stays the JVM's.
     */
    static List<String> detachedFromTerminal(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> detached = new ArrayList<>(command.size() + 1);
        detached.add(SETSID.toString());
        detached.addAll(command);
        return detached;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True once {@link #stop} was called: an exit after that is expected, not a failure. */
    boolean isStopping() {
        return stopping;
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Asks the child to stop and waits up to {@code grace}; kills it after that. Returns the exit code. */
    int stop(Duration grace) {
        stopping = true;
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
