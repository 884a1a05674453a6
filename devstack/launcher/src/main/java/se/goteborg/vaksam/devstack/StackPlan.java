package se.goteborg.vaksam.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns ports, paths and options into the command, environment and health probe of each child. */
final class StackPlan {

    /**
     * C1 only: each JVM needs about half the CPU to start, which on two cores shared by ten processes
     * decides the start-up time. A small initial heap lets each grow only as far as it needs; a full
     * 256 MB from the start would cost every idle service some 60 MB more RSS.
     */
    static final List<String> FAST_START_JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
    /** Every service's reads and writes go through the store, so it keeps the optimising compiler; it starts in 2 s anyway. */
    static final List<String> STORE_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    private final Path repositoryRoot;
    private final DataLayout data;
    private final Ports ports;
    private final boolean demoEnabled;
    private final Map<String, String> extraEnvironment;
    private final Map<Component, List<String>> jvmOptions;
    private final Path java;

    StackPlan(Path repositoryRoot, DataLayout data, Ports ports, boolean demoEnabled,
              Map<String, String> extraEnvironment, Map<Component, List<String>> jvmOptions, Path java) {
        this.repositoryRoot = repositoryRoot;
        this.data = data;
        this.ports = ports;
        this.demoEnabled = demoEnabled;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.jvmOptions = jvmOptions.isEmpty() ? Map.of() : new EnumMap<>(jvmOptions);
        this.java = java;
    }

    /** The specs of the chosen components in start order; dependencies outside the choice are dropped. */
    List<ChildSpec> specs(Set<Component> chosen) {
        List<ChildSpec> specs = new ArrayList<>();
        for (Component component : Component.values()) {
            if (chosen.contains(component)) {
                specs.add(spec(component, chosen));
            }
        }
        return specs;
    }

    static Path jar(Path repositoryRoot, Component component) {
        return switch (component) {
            case KAFKA_BROKER, MONGO_STORE -> repositoryRoot.resolve("devstack").resolve(component.id())
                    .resolve("target").resolve(component.id() + ".jar");
            case SCHEMA_REGISTRY -> repositoryRoot.resolve("devstack").resolve("schema-registry")
                    .resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
            case MAIL_SERVER -> repositoryRoot.resolve("devstack").resolve("mail-server")
                    .resolve("target").resolve("mail-server.jar");
            default -> repositoryRoot.resolve("services").resolve(component.id())
                    .resolve("target").resolve(component.id() + ".jar");
        };
    }

    static Set<Component> dependencies(Component component) {
        return switch (component) {
            case KAFKA_BROKER, MONGO_STORE, SCHEMA_REGISTRY, MAIL_SERVER -> EnumSet.noneOf(Component.class);
            case IDENTITY -> EnumSet.of(Component.MONGO_STORE);
            // The gateway needs no service to start; it only forwards to them once they are up.
            case GATEWAY -> EnumSet.of(Component.IDENTITY);
            // Intake reports ready once it has read the member topic to the end, so the demo members must be
            // published first, or intake would call itself ready without knowing the demo keys.
            case TIP_INTAKE -> {
                Set<Component> after = EnumSet.copyOf(Component.infrastructure());
                after.add(Component.NETWORK_COORDINATION);
                yield after;
            }
            default -> Component.infrastructure();
        };
    }

    Path java() {
        return java;
    }

    String gatewayUrl() {
        return "http://localhost:" + ports.get(Port.GATEWAY);
    }

    String identityUrl() {
        return "http://localhost:" + ports.get(Port.IDENTITY);
    }

    String registryUrl() {
        return "http://localhost:" + ports.get(Port.REGISTRY) + "/apis/registry/v2";
    }

    String kafkaBootstrap() {
        return "localhost:" + ports.get(Port.KAFKA);
    }

    String mongoUri() {
        return "mongodb://localhost:" + ports.get(Port.MONGO);
    }

    /** The mail server's HTTP API: every mail it took, by recipient ({@code /api/user/<address>/messages/}). */
    String mailUrl() {
        return "http://localhost:" + ports.get(Port.MAIL_API);
    }

    String url(Component component) {
        return "http://localhost:" + ports.get(component.port());
    }

    private ChildSpec spec(Component component, Set<Component> chosen) {
        Path jar = jar(repositoryRoot, component);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions.getOrDefault(component,
                component == Component.MONGO_STORE ? STORE_JVM_OPTIONS : FAST_START_JVM_OPTIONS));
        // Names the process in ps output, so a stray child is easy to recognise.
        command.add("-Dvaksam.devstack=" + component.id());
        Map<String, String> env = new LinkedHashMap<>();
        HealthProbe probe;
        switch (component) {
            case KAFKA_BROKER -> {
                command.addAll(List.of("-jar", jar.toString(),
                        "--port=" + ports.get(Port.KAFKA),
                        "--controller-port=" + ports.get(Port.KAFKA_CONTROLLER),
                        "--log-dir=" + data.kafka()));
                probe = HealthProbe.tcp(ports.get(Port.KAFKA));
            }
            case MONGO_STORE -> {
                command.addAll(List.of("-jar", jar.toString(),
                        "--port=" + ports.get(Port.MONGO),
                        "--file=" + data.mongoFile()));
                probe = HealthProbe.tcp(ports.get(Port.MONGO));
            }
            case SCHEMA_REGISTRY -> {
                command.add("-Dquarkus.http.port=" + ports.get(Port.REGISTRY));
                command.addAll(List.of("-jar", jar.toString()));
                // The registry's default H2 database is in memory; a file keeps schema ids stable across runs,
                // which records already on the topics refer to.
                env.put("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + data.registryDatabase());
                probe = HealthProbe.http(URI.create(registryUrl() + "/system/info"));
            }
            case MAIL_SERVER -> {
                // GreenMail keeps mail in memory and accepts any sender and recipient: a sink to look into, never
                // a relay. Loopback only.
                command.addAll(List.of("-Dgreenmail.hostname=127.0.0.1",
                        "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + ports.get(Port.MAIL_SMTP),
                        "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + ports.get(Port.MAIL_API),
                        "-Dgreenmail.auth.disabled", "-jar", jar.toString()));
                probe = HealthProbe.http(URI.create(mailUrl() + "/api/service/readiness"));
            }
            default -> {
                command.addAll(List.of("-jar", jar.toString()));
                env.putAll(springEnvironment(component));
                probe = HealthProbe.http(URI.create(url(component) + "/actuator/health"));
            }
        }
        Set<Component> dependsOn = EnumSet.noneOf(Component.class);
        for (Component dependency : dependencies(component)) {
            if (chosen.contains(dependency)) {
                dependsOn.add(dependency);
            }
        }
        boolean springBootJar = !Component.infrastructure().contains(component) && component != Component.MAIL_SERVER;
        return new ChildSpec(component, jar, command, env, probe, dependsOn, data.logFile(component), springBootJar);
    }

    private Map<String, String> springEnvironment(Component component) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.get(component.port())));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        env.put("VAKSAM_REGISTRY_URL", registryUrl());
        env.put("VAKSAM_MONGO_URI", mongoUri());
        env.put("VAKSAM_MONGO_DATABASE", component.id());
        env.put("VAKSAM_SECURITY_ISSUER", gatewayUrl());
        env.put("VAKSAM_SECURITY_JWK_SET_URI", identityUrl() + "/oauth2/jwks");
        env.put("VAKSAM_DEMO_ENABLED", String.valueOf(demoEnabled));
        if (component == Component.TIP_INTAKE) {
            // Tipsters reach intake through the gateway, which puts their address in X-Forwarded-For; without
            // this every tipster would share the gateway's address and its rate limits.
            env.put("VAKSAM_INTAKE_TRUST_FORWARDED_FOR", "true");
        }
        if (component == Component.NETWORK_COORDINATION) {
            // Bulletins are mailed to the local mail server, and enrolment links point at the gateway.
            env.put("SPRING_MAIL_HOST", "localhost");
            env.put("SPRING_MAIL_PORT", String.valueOf(ports.get(Port.MAIL_SMTP)));
            env.put("VAKSAM_NETWORK_BULLETINS_FROM", "Vaksam – Göteborg & Co <natverket@vaksam.localhost>");
            env.put("VAKSAM_PUBLIC_BASE_URL", gatewayUrl());
        }
        if (component == Component.GATEWAY) {
            for (Component routed : EnumSet.of(Component.IDENTITY, Component.NETWORK_COORDINATION,
                    Component.TIP_INTAKE, Component.PREMISES_RISK, Component.ALERT_ROUTING, Component.ALERT_INBOX)) {
                env.put("VAKSAM_GATEWAY_" + routed.id().toUpperCase(Locale.ROOT).replace('-', '_') + "_URI",
                        url(routed));
            }
        }
        env.putAll(extraEnvironment);
        return env;
    }
}
