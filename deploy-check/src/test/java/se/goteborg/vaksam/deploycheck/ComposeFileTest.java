package se.goteborg.vaksam.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static se.goteborg.vaksam.deploycheck.Deployables.PINNED_IMAGE;
import static se.goteborg.vaksam.deploycheck.Deployables.PUBLIC_BASE_URL;
import static se.goteborg.vaksam.deploycheck.Deployables.SECRET_NAME;
import static se.goteborg.vaksam.deploycheck.Deployables.SERVICES;
import static se.goteborg.vaksam.deploycheck.Deployables.TOPICS;
import static se.goteborg.vaksam.deploycheck.Yamls.at;
import static se.goteborg.vaksam.deploycheck.Yamls.listAt;
import static se.goteborg.vaksam.deploycheck.Yamls.map;
import static se.goteborg.vaksam.deploycheck.Yamls.mapAt;
import static se.goteborg.vaksam.deploycheck.Yamls.stringAt;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docker-compose.yml cannot be started here (no container engine), so its structure is checked instead. */
class ComposeFileTest {

    private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "topics", "registry", "mongo", "mail");

    private static final Pattern TOPIC_CREATION =
            Pattern.compile("--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)([^\\n]*)");

    private static final Pattern INTERPOLATION = Pattern.compile("^\\$\\{[A-Z_][A-Z0-9_]*(:?[-?][^}]*)?}$");

    private static final Pattern MEMORY = Pattern.compile("^(\\d+)([bkmg])?$", Pattern.CASE_INSENSITIVE);

    private static Map<String, Object> services;

    @BeforeAll
    static void parseComposeFile() throws IOException {
        Object compose = Yamls.parser().load(Files.readString(Deployables.ROOT.resolve("docker-compose.yml")));
        services = mapAt(compose, "services");
    }

    static Stream<String> applicationServices() {
        return SERVICES.keySet().stream();
    }

    static Stream<String> allServices() {
        return Stream.concat(SERVICES.keySet().stream(), INFRASTRUCTURE.stream());
    }

    @Test
    void definesEveryServiceAndTheInfrastructure() {
        assertThat(services).containsKeys(SERVICES.keySet().toArray(String[]::new));
        assertThat(services).containsKeys(INFRASTRUCTURE.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void applicationServiceIsBuiltFromItsDockerfile(String name) {
        Object service = services.get(name);
        String context = stringAt(service, "build", "context");

        assertThat(context).isEqualTo("services/" + name);
        assertThat(Deployables.ROOT.resolve(context).resolve("Dockerfile")).isRegularFile();
    }

    @ParameterizedTest
    @MethodSource("allServices")
    void imageTagIsPinned(String name) {
        String image = stringAt(services.get(name), "image");

        assertThat(image).as("image of %s", name).isNotNull().matches(PINNED_IMAGE);
    }

    @ParameterizedTest
    @MethodSource("allServices")
    void hasAMemoryLimitAndARestartPolicy(String name) {
        Object service = services.get(name);
        Matcher memory = MEMORY.matcher(String.valueOf(at(service, "mem_limit")));

        assertThat(memory.matches()).as("mem_limit of %s", name).isTrue();
        assertThat(Long.parseLong(memory.group(1))).isPositive();
        assertThat(stringAt(service, "restart")).as("restart of %s", name)
                .isIn("no", "always", "on-failure", "unless-stopped");
    }

    @ParameterizedTest
    @MethodSource("allServices")
    void dependenciesWaitForHealthOrCompletion(String name) {
        Object dependsOn = at(services.get(name), "depends_on");
        if (dependsOn == null) {
            return;
        }
        map(dependsOn, name + ".depends_on").forEach((dependency, spec) -> {
            assertThat(services).as("%s depends on a defined service", name).containsKey(dependency);
            String condition = stringAt(spec, "condition");
            assertThat(condition).as("%s -> %s", name, dependency)
                    .isIn("service_healthy", "service_completed_successfully");
            if (condition.equals("service_healthy")) {
                assertThat(at(services.get(dependency), "healthcheck")).as("healthcheck of %s", dependency).isNotNull();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void healthcheckCallsActuatorHealthOnTheServicePort(String name) {
        String test = healthcheck(name);

        assertThat(test).contains("http://localhost:" + SERVICES.get(name) + "/actuator/health");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void environmentFollowsTheRuntimeContract(String name) {
        Map<String, String> env = environment(name);

        assertThat(env).containsEntry("SERVER_PORT", String.valueOf(SERVICES.get(name)))
                .containsEntry("VAKSAM_SECURITY_ISSUER", PUBLIC_BASE_URL)
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("VAKSAM_REGISTRY_URL", "http://registry:8080/apis/registry/v2")
                .containsEntry("VAKSAM_SECURITY_JWK_SET_URI", "http://identity:9000/oauth2/jwks")
                .containsKey("VAKSAM_DEMO_ENABLED");
        assertThat(env.get("VAKSAM_MONGO_URI")).startsWith("mongodb://mongo:27017").contains("replicaSet=rs0");
    }

    @Test
    void theGatewaysLoginSecretComesFromTheEnvFilesAndItsProviderFromThePublicAndInternalAddresses() throws IOException {
        Map<String, String> gateway = environment("gateway");

        assertThat(gateway).containsEntry("VAKSAM_SECURITY_ISSUER", PUBLIC_BASE_URL)
                .containsEntry("VAKSAM_GATEWAY_IDENTITY_URI", "http://identity:9000")
                .doesNotContainKey("VAKSAM_GATEWAY_LOGIN_CLIENT_SECRET");
        assertThat(environment("identity")).doesNotContainKey("VAKSAM_IDENTITY_GATEWAY_CLIENT_SECRET");
        assertThat(stringAt(listAt(services.get("gateway"), "env_file").get(0), "path")).isEqualTo("./secrets/gateway.env");
        assertThat(Files.readString(Deployables.ROOT.resolve("docker-compose.yml")))
                .as("the compose file says where the login's secret goes")
                .contains("VAKSAM_GATEWAY_LOGIN_CLIENT_SECRET", "VAKSAM_IDENTITY_GATEWAY_CLIENT_SECRET");
    }

    @Test
    void intakeTrustsTheGatewaysForwardedFor() {
        assertThat(environment("tip-intake")).containsEntry("VAKSAM_INTAKE_TRUST_FORWARDED_FOR", "true");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void servicesThatUseKafkaStartAfterTheTopicsExist(String name) {
        if (name.equals("identity") || name.equals("gateway")) {
            return;
        }
        assertThat(stringAt(services.get(name), "depends_on", "topics", "condition"))
                .isEqualTo("service_completed_successfully");
        assertThat(stringAt(services.get(name), "depends_on", "registry", "condition")).isEqualTo("service_healthy");
        assertThat(stringAt(services.get(name), "depends_on", "mongo", "condition")).isEqualTo("service_healthy");
    }

    @Test
    void gatewayWaitsForEveryServiceAndIsTheOnlyPublishedPort() {
        Map<String, Object> gatewayDeps = mapAt(services.get("gateway"), "depends_on");
        assertThat(gatewayDeps).containsKeys(SERVICES.keySet().stream().filter(s -> !s.equals("gateway"))
                .toArray(String[]::new));

        services.forEach((name, service) -> {
            Object ports = at(service, "ports");
            if (name.equals("gateway")) {
                assertThat(Yamls.list(ports, "gateway.ports")).containsExactly("8080:8080");
            } else {
                assertThat(ports).as("%s publishes no port", name).isNull();
            }
        });
    }

    @Test
    void bulletinsAreMailedThroughTheMailServiceAndEnrolmentLinksUseThePublicAddress() {
        Map<String, String> env = environment("network-coordination");
        assertThat(services).containsKey(env.get("SPRING_MAIL_HOST"));
        assertThat(env).containsEntry("SPRING_MAIL_PORT", "3025")
                .containsEntry("VAKSAM_PUBLIC_BASE_URL", "http://localhost:8080")
                .doesNotContainKeys("SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD");
    }

    @Test
    void brokerRunsKraftWithAutoCreateOff() {
        Map<String, String> env = environment("kafka");

        assertThat(stringAt(services.get("kafka"), "image")).startsWith("apache/kafka:4.");
        assertThat(env).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsKeys("KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES", "CLUSTER_ID")
                .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(env.get("CLUSTER_ID")).as("a base64 UUID, as KRaft storage formatting requires")
                .matches("^[A-Za-z0-9_-]{22}$");
        assertThat(healthcheck("kafka")).contains("--bootstrap-server localhost:9092");
    }

    @Test
    void registryIsApicurio2WithTheSameApiMajorAsTheServices() {
        assertThat(stringAt(services.get("registry"), "image")).matches("^apicurio/apicurio-registry-[a-z]+:2\\.[0-9.]+Final$");
        assertThat(healthcheck("registry")).contains("/health/ready");
    }

    @Test
    void registryKeepsSchemasInAJournalTopicCreatedByTheTopicsContainer() {
        Object registry = services.get("registry");

        assertThat(stringAt(registry, "image")).startsWith("apicurio/apicurio-registry-kafkasql:");
        assertThat(environment("registry")).containsEntry("REGISTRY_KAFKASQL_TOPIC_AUTO_CREATE", "false")
                .containsEntry("REGISTRY_KAFKASQL_TOPIC", "kafkasql-journal");
        assertThat(stringAt(registry, "depends_on", "topics", "condition")).isEqualTo("service_completed_successfully");
        assertThat(commandText(services.get("topics"))).contains("--topic kafkasql-journal --partitions 1");
    }

    @Test
    void gatewayRoutesToEveryServiceByServiceName() {
        Map<String, String> env = environment("gateway");

        SERVICES.forEach((name, port) -> {
            if (!name.equals("gateway")) {
                assertThat(env).containsEntry("VAKSAM_GATEWAY_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URI",
                        "http://" + name + ":" + port);
            }
        });
    }

    @Test
    void mongoIsASingleNodeReplicaSetInitiatedByItsHealthcheck() {
        List<Object> command = listAt(services.get("mongo"), "command");

        assertThat(stringAt(services.get("mongo"), "image")).startsWith("mongo:7.0.");
        assertThat(command).containsSubsequence("--replSet", "rs0");
        assertThat(healthcheck("mongo")).contains("rs.initiate").contains("_id: 'rs0'").contains("isWritablePrimary");
    }

    @Test
    void topicsContainerCreatesEveryTopicExplicitly() {
        Object topics = services.get("topics");
        String script = commandText(topics);
        Map<String, String[]> created = new LinkedHashMap<>();
        Matcher matcher = TOPIC_CREATION.matcher(script);
        while (matcher.find()) {
            created.put(matcher.group(1), new String[] {matcher.group(2), matcher.group(3)});
        }

        assertThat(script).contains("kafka-topics.sh").contains("--create").contains("--if-not-exists");
        assertThat(stringAt(topics, "restart")).isEqualTo("no");
        assertThat(stringAt(topics, "depends_on", "kafka", "condition")).isEqualTo("service_healthy");
        for (Deployables.TopicSpec topic : TOPICS) {
            assertThat(created).as("created topics").containsKey(topic.name());
            String[] creation = created.get(topic.name());
            assertThat(Integer.parseInt(creation[0])).as("partitions of %s", topic.name()).isEqualTo(topic.partitions());
            assertThat(creation[1].contains("cleanup.policy=compact")).as("compaction of %s", topic.name())
                    .isEqualTo(topic.compacted());
        }
    }

    @Test
    void noSecretValueIsWrittenInline() throws IOException {
        List<String> findings = new ArrayList<>();
        services.forEach((name, service) -> environment(name).forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches() && !INTERPOLATION.matcher(value).matches()) {
                findings.add(name + ": " + key + " has an inline value");
            }
        }));
        String text = Files.readString(Deployables.ROOT.resolve("docker-compose.yml"));

        assertThat(findings).isEmpty();
        assertThat(text).doesNotContain("-----BEGIN").doesNotContainPattern("-demo-secret")
                .doesNotContainPattern("://[^/\\s:@]+:[^/\\s@]+@");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void secretsComeFromAnOptionalEnvFileOutsideTheRepository(String name) {
        List<Object> envFiles = listAt(services.get(name), "env_file");

        assertThat(envFiles).hasSize(1);
        assertThat(stringAt(envFiles.get(0), "path")).isEqualTo("./secrets/" + name + ".env");
        assertThat(at(envFiles.get(0), "required")).isEqualTo(false);
    }

    private static String healthcheck(String name) {
        Object test = at(services.get(name), "healthcheck", "test");
        assertThat(test).as("healthcheck of %s", name).isNotNull();
        return test instanceof List<?> parts ? String.join(" ", parts.stream().map(String::valueOf).toList())
                : String.valueOf(test);
    }

    private static String commandText(Object service) {
        Object command = at(service, "command");
        return command instanceof List<?> parts ? String.join("\n", parts.stream().map(String::valueOf).toList())
                : String.valueOf(command);
    }

    /** Compose accepts a mapping or a list of KEY=VALUE; both are normalised to a map of strings. */
    private static Map<String, String> environment(String name) {
        Object env = at(services.get(name), "environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (env instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] keyValue = String.valueOf(entry).split("=", 2);
                result.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return result;
    }
}
