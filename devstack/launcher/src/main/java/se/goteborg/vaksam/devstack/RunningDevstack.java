package se.goteborg.vaksam.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;

/** A started stack: where to reach each part, and {@link #close()} to stop it all. */
public final class RunningDevstack implements AutoCloseable {

    private final Devstack devstack;

    RunningDevstack(Devstack devstack) {
        this.devstack = devstack;
    }

    /** The single public entry point, e.g. {@code http://localhost:8080}; also the tokens' issuer. */
    public String gatewayUrl() {
        return devstack.plan().gatewayUrl();
    }

    /** OAuth2 client credentials token endpoint, through the gateway. */
    public String tokenUrl() {
        return gatewayUrl() + "/oauth2/token";
    }

    public String identityUrl() {
        return devstack.plan().identityUrl();
    }

    /** Apicurio's v2 API base, e.g. {@code http://localhost:8090/apis/registry/v2}. */
    public String registryUrl() {
        return devstack.plan().registryUrl();
    }

    /** For example {@code localhost:9092}. */
    public String kafkaBootstrap() {
        return devstack.plan().kafkaBootstrap();
    }

    /** For example {@code mongodb://localhost:27017}; each service uses the database named like itself. */
    public String mongoUri() {
        return devstack.plan().mongoUri();
    }

    /** The direct URL of one HTTP component, bypassing the gateway, e.g. {@code http://localhost:8081}. */
    public String url(Component component) {
        return devstack.plan().url(component);
    }

    public Ports ports() {
        return devstack.ports();
    }

    public Set<Component> components() {
        return devstack.components();
    }

    public Path dataDir() {
        return devstack.data().dir();
    }

    public Path logFile(Component component) {
        return devstack.data().logFile(component);
    }

    /** From the first child's start until the last one was healthy. */
    public Duration startupTime() {
        return devstack.startupTime();
    }

    public boolean isRunning(Component component) {
        return devstack.child(component).map(ChildProcess::isAlive).orElse(false);
    }

    public OptionalLong pid(Component component) {
        return devstack.child(component).filter(ChildProcess::isAlive)
                .map(child -> OptionalLong.of(child.pid())).orElse(OptionalLong.empty());
    }

    /** Resident memory of a running child in KiB, where the OS tells it (Linux). */
    public OptionalLong residentKib(Component component) {
        OptionalLong pid = pid(component);
        return pid.isPresent() ? ProcessMemory.residentKib(pid.getAsLong()) : OptionalLong.empty();
    }

    /** Stops one child (SIGTERM, then SIGKILL after the stop timeout), e.g. to test an outage. */
    public void stop(Component component) {
        devstack.stop(component);
    }

    /** Starts one stopped child again and waits until it is healthy. */
    public void start(Component component) {
        devstack.start(component);
    }

    /** Stops every child in reverse start order. */
    @Override
    public void close() {
        devstack.close();
    }
}
