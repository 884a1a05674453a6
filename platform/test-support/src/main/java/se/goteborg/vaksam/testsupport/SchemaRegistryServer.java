package se.goteborg.vaksam.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Apicurio Registry built by devstack/schema-registry, run as a child JVM on a free loopback port with in-memory
 * storage. Stopped by {@link #close()} and, as a safety net, when the JVM exits.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    static final Path REGISTRY_MODULE = Path.of("devstack", "schema-registry");
    static final Path RUNNABLE_JAR = REGISTRY_MODULE.resolve(Path.of("target", "quarkus-app", "quarkus-run.jar"));

    private static final String HOST = "127.0.0.1";
    private static final String REGISTRY_API = "/apis/registry/v2";
    private static final String CCOMPAT_API = "/apis/ccompat/v7";
    // About 4 s on an idle 2-core machine, but close to a minute while parallel builds saturate it.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    // A free port can be taken by someone else between probing and the registry binding it.
    private static final int START_ATTEMPTS = 3;

    private static SchemaRegistryServer shared;
    private static RuntimeException sharedFailure;

    private final Process process;
    private final int port;
    private final Path log;
    private final boolean isShared;
    private final Thread stopOnExit;

    private SchemaRegistryServer(Process process, int port, Path log, boolean isShared) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.isShared = isShared;
        this.stopOnExit = new Thread(this::stop, "schema-registry-stop-" + port);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts a registry of its own for the caller, who closes it. */
    public static SchemaRegistryServer start() {
        return start(false);
    }

    /**
     * The one registry of this JVM, started on first use and stopped when the JVM exits; {@link #close()} leaves it
     * running for the other tests. Tests sharing it keep apart by using their own topic and artifact names.
     */
    public static synchronized SchemaRegistryServer shared() {
        if (sharedFailure != null) {
            // Fail fast: every later test would otherwise wait out the same start-up failure again.
            throw new IllegalStateException("The shared schema registry failed to start earlier", sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start(true);
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** Base URL of Apicurio's own v2 API, the value for {@code apicurio.registry.url}. */
    public String url() {
        return baseUrl() + REGISTRY_API;
    }

    /** Base URL of the Confluent-compatible API, for Confluent-ecosystem clients. */
    public String ccompatUrl() {
        return baseUrl() + CCOMPAT_API;
    }

    public int port() {
        return port;
    }

    /** Where the registry's console output goes. */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (isShared) {
            return;
        }
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // The hook is running or about to; nothing left to undo.
        }
    }

    private String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static SchemaRegistryServer start(boolean isShared) {
        Path jar = locateJar(Path.of("").toAbsolutePath());
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freePort();
            Path log = logFile(port);
            Process process = launch(jar, port, log);
            var server = new SchemaRegistryServer(process, port, log, isShared);
            try {
                server.awaitReady();
                return server;
            } catch (RuntimeException e) {
                server.stop();
                Runtime.getRuntime().removeShutdownHook(server.stopOnExit);
                if (failure == null) {
                    failure = new IllegalStateException("Schema registry did not start", e);
                } else {
                    failure.addSuppressed(e);
                }
                if (!(e instanceof ExitedEarly)) {
                    break;
                }
            }
        }
        throw failure;
    }

    /**
     * Walks up from {@code from} to the repository root, i.e. the first directory that holds devstack/schema-registry,
     * so that tests find the registry whichever module they run in.
     */
    static Path locateJar(Path from) {
        for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(REGISTRY_MODULE))) {
                Path jar = dir.resolve(RUNNABLE_JAR);
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("The schema registry is not built: " + jar + " is missing. Build it"
                            + " from the repository root with: ./mvnw -pl " + slashed(REGISTRY_MODULE) + " package");
                }
                return jar;
            }
        }
        throw new IllegalStateException("No directory holding " + slashed(REGISTRY_MODULE) + " above " + from
                + "; SchemaRegistryServer must run inside the Vaksam repository.");
    }

    private static String slashed(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static Process launch(Path jar, int port, Path log) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(
                java.toString(),
                // Tests need a quick start, not peak throughput.
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=" + HOST,
                "-Dquarkus.http.port=" + port,
                "-jar", jar.toString());
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not launch the schema registry " + jar, e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/system/info"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                lastStatus = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                lastStatus = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
            }
            pauseUnlessExited();
        }
        throw new IllegalStateException("Schema registry on port " + port + " not ready within " + STARTUP_TIMEOUT
                + " (last status " + lastStatus + "); see " + log);
    }

    /** Waits one poll interval, returning early with a failure if the registry process ends. */
    private void pauseUnlessExited() {
        try {
            Process exited = process.onExit().get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            throw new ExitedEarly("Schema registry exited with code " + exited.exitValue() + " before it was ready; see "
                    + log);
        } catch (TimeoutException stillRunning) {
            // The normal case: keep polling.
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not watch the schema registry process", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the schema registry", e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the schema registry", e);
        }
    }

    private static Path logFile(int port) {
        Path dir = Path.of("target").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        return dir.resolve("schema-registry-" + port + ".log");
    }

    private static final class ExitedEarly extends IllegalStateException {
        ExitedEarly(String message) {
            super(message);
        }
    }
}
