package se.goteborg.vaksam.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The whole local stack as child processes: the Kafka broker, the Mongo-compatible store, the schema
 * registry, identity, the event services and the gateway. Used by {@code java -jar launcher.jar} and by
 * tests that need the running system:
 *
 * <pre>{@code
 * try (RunningDevstack stack = Devstack.builder().dataDir(tempDir).freePorts().start()) {
 *     URI tips = URI.create(stack.gatewayUrl() + "/api/v1/tips/hotel");
 * }
 * }</pre>
 *
 * Each child's output goes to {@code <dataDir>/logs/<name>.log}, its data under {@code <dataDir>/data}.
 * Independent children start in parallel; each must turn healthy within the start timeout.
 */
public final class Devstack implements AutoCloseable {

    private static final long POLL_INTERVAL_MILLIS = 150;

    private final Path repositoryRoot;
    private final DataLayout data;
    private final Ports ports;
    private final StackPlan plan;
    private final Map<Component, ChildSpec> specs = new LinkedHashMap<>();
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final Consumer<String> progress;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService launches;
    private final ClassDataSharing classDataSharing;
    private final Map<Component, CompletableFuture<Optional<ClassDataSharing.Prepared>>> prepared =
            new ConcurrentHashMap<>();
    /**
     * Children run in sessions of their own (see {@link ChildProcess}), so Ctrl-C on a test run or on
     * the launcher reaches only this JVM; this hook passes it on.
     */
    private final Thread shutdownHook = new Thread(this::close, "devstack-stop");

    private final Map<Component, ChildProcess> children = new EnumMap<>(Component.class);
    private final Map<Component, ClassDataSharing.Prepared> sharingOf = new ConcurrentHashMap<>();
    private boolean started;
    private volatile boolean running;
    private volatile boolean closed;
    private Duration startupTime = Duration.ZERO;

    private Devstack(Builder builder) {
        this.repositoryRoot = builder.repositoryRoot != null
                ? builder.repositoryRoot.toAbsolutePath().normalize()
                : findRepositoryRoot(Path.of("").toAbsolutePath()).orElseThrow(() -> new DevstackException(
                "Cannot find the Vaksam repository root above " + Path.of("").toAbsolutePath()
                        + "; pass it with repositoryRoot(...)"));
        this.data = new DataLayout(builder.dataDir != null ? builder.dataDir : repositoryRoot.resolve(".devstack"));
        this.ports = builder.ports;
        this.plan = new StackPlan(repositoryRoot, data, ports, builder.demoEnabled, builder.environment,
                builder.jvmOptions, Path.of(System.getProperty("java.home"), "bin", "java"));
        for (ChildSpec spec : plan.specs(builder.components)) {
            specs.put(spec.component(), spec);
        }
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.progress = builder.progress;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, runnable -> {
            Thread thread = new Thread(runnable, "devstack");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
        this.launches = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "devstack-launch");
            thread.setDaemon(true);
            return thread;
        });
        this.classDataSharing = builder.classDataSharing
                ? new ClassDataSharing(repositoryRoot.resolve(".devstack").resolve("cds"), plan.java())
                : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The folder holding {@code mvnw} and {@code devstack/launcher}, searched from {@code start} upwards;
     * tests run in a module folder, the launcher jar lies three levels below the root.
     */
    public static Optional<Path> findRepositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("devstack").resolve("launcher"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts every component and returns once all are healthy. On failure every child already started
     * is stopped again and the exception names the one at fault and its log.
     */
    public RunningDevstack start() {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("this Devstack was started already");
            }
            started = true;
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            requireBuilt();
            requirePortsFree();
        } catch (DevstackException e) {
            close();
            throw e;
        }
        long startedAt = System.nanoTime();
        // Extracting fat jars takes a few seconds the first time; it overlaps the infrastructure's start.
        for (ChildSpec spec : specs.values()) {
            prepared.put(spec.component(), CompletableFuture.supplyAsync(() -> prepare(spec), launches));
        }
        Map<Component, CompletableFuture<Void>> ready = new EnumMap<>(Component.class);
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        for (ChildSpec spec : specs.values()) {
            CompletableFuture<?>[] dependencies = spec.dependsOn().stream()
                    .map(ready::get)
                    .toArray(CompletableFuture[]::new);
            CompletableFuture<Void> healthy = CompletableFuture.allOf(dependencies)
                    .thenComposeAsync(ignored -> launch(spec), launches);
            healthy.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    firstFailure.completeExceptionally(unwrap(failure));
                }
            });
            ready.put(spec.component(), healthy);
        }
        try {
            CompletableFuture.anyOf(CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)),
                    firstFailure).join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            progress.accept("start-up failed, stopping what was started: " + cause.getMessage());
            close();
            throw cause instanceof DevstackException failure ? failure
                    : new DevstackException("start-up failed: " + cause, null, null, cause);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - startedAt);
        running = true;
        return new RunningDevstack(this);
    }

    /** Stops every child in reverse start order, each within the stop timeout. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        List<Component> reversed = new ArrayList<>(children.keySet());
        Collections.reverse(reversed);
        if (children.values().stream().anyMatch(ChildProcess::isAlive)) {
            progress.accept("stopping, last started first");
        }
        for (Component component : reversed) {
            stopChild(component);
        }
        scheduler.shutdownNow();
        launches.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: this close() is the hook's own run.
        }
    }

    synchronized void stop(Component component) {
        requireKnown(component);
        stopChild(component);
    }

    void start(Component component) {
        ChildSpec spec = requireKnown(component);
        synchronized (this) {
            ChildProcess child = children.get(component);
            if (child != null && child.isAlive()) {
                throw new IllegalStateException(component.id() + " is running already");
            }
        }
        try {
            launch(spec).join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            throw cause instanceof DevstackException failure ? failure
                    : new DevstackException(component.id() + " did not start: " + cause, component, spec.logFile(), cause);
        }
    }

    Set<Component> components() {
        return Collections.unmodifiableSet(specs.keySet());
    }

    synchronized Optional<ChildProcess> child(Component component) {
        return Optional.ofNullable(children.get(component));
    }

    StackPlan plan() {
        return plan;
    }

    Ports ports() {
        return ports;
    }

    DataLayout data() {
        return data;
    }

    Duration startupTime() {
        return startupTime;
    }

    boolean isClosed() {
        return closed;
    }

    private Optional<ClassDataSharing.Prepared> prepare(ChildSpec spec) {
        if (classDataSharing == null || !spec.springBootJar()) {
            return Optional.empty();
        }
        return classDataSharing.prepare(spec.component().id(), spec.jar(), spec.command());
    }

    private CompletableFuture<Void> launch(ChildSpec spec) {
        Component component = spec.component();
        // Taken out of the map, so a later restart prepares again and finds the archive the first run wrote.
        CompletableFuture<Optional<ClassDataSharing.Prepared>> preparation = prepared.remove(component);
        Optional<ClassDataSharing.Prepared> sharing = preparation != null ? preparation.join() : prepare(spec);
        List<String> command = sharing.map(ClassDataSharing.Prepared::command).orElse(spec.command());
        ChildProcess child;
        synchronized (this) {
            // Checked under the lock that close() holds, so no child can start after the stack stopped.
            if (closed) {
                return CompletableFuture.failedFuture(new DevstackException(
                        "stopped before " + component.id() + " started", component, null, null));
            }
            try {
                // A fresh log per run, but a restart within the run keeps what the stopped process wrote.
                child = ChildProcess.start(component.id(), command, spec.environment(), repositoryRoot,
                        spec.logFile(), children.containsKey(component));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(new DevstackException(
                        "could not start " + component.id() + ": " + e.getMessage(), component, spec.logFile(), e));
            }
            children.put(component, child);
        }
        long launchedAt = System.nanoTime();
        sharing.ifPresent(archive -> {
            sharingOf.put(component, archive);
            child.onExit().thenAccept(process -> archive.childExited(process.exitValue()));
        });
        child.onExit().thenAccept(process -> {
            if (running && !child.isStopping()) {
                progress.accept(component.id() + " exited unexpectedly with code " + process.exitValue()
                        + "; its log: " + spec.logFile());
            }
        });
        return awaitHealthy(spec, child).thenRun(() -> {
            if (!closed) {
                progress.accept(String.format(Locale.ROOT, "%s healthy after %.1f s",
                        component.id(), (System.nanoTime() - launchedAt) / 1e9));
            }
        });
    }

    private CompletableFuture<Void> awaitHealthy(ChildSpec spec, ChildProcess child) {
        Component component = spec.component();
        CompletableFuture<Void> healthy = new CompletableFuture<>();
        child.onExit().thenAccept(process -> healthy.completeExceptionally(new DevstackException(
                component.id() + (child.isStopping() ? " was stopped" : " exited with code " + process.exitValue())
                        + " during start-up; its log: " + spec.logFile(),
                component, spec.logFile(), null)));
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                if (healthy.isDone()) {
                    return;
                }
                if (spec.probe().isHealthy() && child.isAlive()) {
                    healthy.complete(null);
                } else if (System.nanoTime() - deadline > 0) {
                    healthy.completeExceptionally(new DevstackException(String.format(Locale.ROOT,
                            "%s was not healthy within %d s (%s); its log: %s", component.id(),
                            startTimeout.toSeconds(), spec.probe().describe(), spec.logFile()),
                            component, spec.logFile(), null));
                } else if (!scheduler.isShutdown()) {
                    scheduler.schedule(this, POLL_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        };
        scheduler.execute(poll);
        return healthy;
    }

    private void stopChild(Component component) {
        ChildProcess child = children.get(component);
        if (child == null || !child.isAlive()) {
            return;
        }
        long stoppingAt = System.nanoTime();
        int exitCode = child.stop(stopTimeout);
        // Here and not only in the exit callback: the launcher's JVM may end right after close().
        boolean archived = Optional.ofNullable(sharingOf.get(component))
                .map(archive -> archive.childExited(exitCode)).orElse(false);
        progress.accept(String.format(Locale.ROOT, "%s stopped in %.1f s (exit code %d)%s",
                component.id(), (System.nanoTime() - stoppingAt) / 1e9, exitCode,
                archived ? "; its class data archive makes the next start faster" : ""));
    }

    private ChildSpec requireKnown(Component component) {
        ChildSpec spec = specs.get(component);
        if (spec == null) {
            throw new IllegalArgumentException(component.id() + " is not part of this stack");
        }
        return spec;
    }

    private void requireBuilt() {
        List<String> missing = specs.values().stream()
                .map(ChildSpec::jar)
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> repositoryRoot.relativize(jar).toString())
                .toList();
        if (!missing.isEmpty()) {
            throw new DevstackException("Not built yet:\n    " + String.join("\n    ", missing)
                    + "\n  Build first: ./mvnw -DskipTests install (devstack/run builds and starts in one go).");
        }
    }

    private void requirePortsFree() {
        Set<Port> needed = EnumSet.noneOf(Port.class);
        for (Component component : specs.keySet()) {
            needed.add(component.port());
            if (component == Component.KAFKA_BROKER) {
                needed.add(Port.KAFKA_CONTROLLER);
            }
        }
        for (Port port : needed) {
            int number = ports.get(port);
            try (ServerSocket socket = new ServerSocket(number, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new DevstackException("Port " + number + " (" + port.key() + ") is in use. Is another Vaksam "
                        + "stack running? Choose other ports with --port-offset=N or " + port.envVar() + ".");
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Settings for a stack; every one has a default that suits {@code java -jar launcher.jar}. */
    public static final class Builder {

        private Path repositoryRoot;
        private Path dataDir;
        private Ports ports = Ports.defaults();
        private Set<Component> components = EnumSet.allOf(Component.class);
        private boolean demoEnabled = true;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<Component, List<String>> jvmOptions = new EnumMap<>(Component.class);
        private Duration startTimeout = Duration.ofMinutes(3);
        // Long enough for a first stop that writes a class data archive on a busy machine.
        private Duration stopTimeout = Duration.ofSeconds(60);
        private Consumer<String> progress = message -> { };
        // A CI run starts the stack once from a fresh clone: it would pay for the archives and never use them.
        private boolean classDataSharing = !"true".equalsIgnoreCase(System.getenv("CI"));

        private Builder() {
        }

        /** Default: found from the working directory upwards ({@link #findRepositoryRoot}). */
        public Builder repositoryRoot(Path repositoryRoot) {
            this.repositoryRoot = repositoryRoot;
            return this;
        }

        /** Default: {@code <repositoryRoot>/.devstack}; data under {@code data/}, logs under {@code logs/}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder ports(Ports ports) {
            this.ports = ports;
            return this;
        }

        public Builder portOffset(int offset) {
            return ports(Ports.withOffset(offset));
        }

        public Builder freePorts() {
            return ports(Ports.free());
        }

        public Builder port(Port port, int number) {
            return ports(ports.with(port, number));
        }

        /** Only these components (their dependencies outside the set are assumed to be elsewhere); default all. */
        public Builder components(Collection<Component> components) {
            this.components = components.isEmpty() ? EnumSet.noneOf(Component.class) : EnumSet.copyOf(components);
            return this;
        }

        public Builder components(Component first, Component... rest) {
            return components(EnumSet.of(first, rest));
        }

        /** Seeds the demo members, clients and lettings register; default true. */
        public Builder demoEnabled(boolean demoEnabled) {
            this.demoEnabled = demoEnabled;
            return this;
        }

        /** An extra environment variable for every Spring Boot service; wins over the launcher's own. */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Replaces the JVM options (heap, GC, compiler) of one component. */
        public Builder jvmOptions(Component component, List<String> options) {
            jvmOptions.put(component, List.copyOf(options));
            return this;
        }

        /** How long each child may take to turn healthy; default 3 minutes. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** How long each child may take to stop after SIGTERM before it is killed; default 60 s. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /**
         * Runs the Spring Boot jars extracted, with a class data sharing archive written by their first
         * clean stop and kept in {@code <repositoryRoot>/.devstack/cds}; later starts need about half the CPU,
         * the first start and stop somewhat more. Default: on, except where the environment says {@code CI=true}.
         */
        public Builder classDataSharing(boolean classDataSharing) {
            this.classDataSharing = classDataSharing;
            return this;
        }

        /** Receives one line per event (healthy, stopped, exited); default: nowhere. */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public Devstack build() {
            return new Devstack(this);
        }

        /** {@code build().start()}. */
        public RunningDevstack start() {
            return build().start();
        }
    }
}
