package se.goteborg.vaksam.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.goteborg.vaksam.deploycheck.Deployables.PINNED_IMAGE;
import static se.goteborg.vaksam.deploycheck.Deployables.SECRET_NAME;
import static se.goteborg.vaksam.deploycheck.Deployables.SERVICES;
import static se.goteborg.vaksam.deploycheck.Deployables.TOPICS;
import static se.goteborg.vaksam.deploycheck.Yamls.at;
import static se.goteborg.vaksam.deploycheck.Yamls.listAt;
import static se.goteborg.vaksam.deploycheck.Yamls.map;
import static se.goteborg.vaksam.deploycheck.Yamls.mapAt;
import static se.goteborg.vaksam.deploycheck.Yamls.stringAt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint and helm template through helm-java (Helm's own code, in-process), then checks on the output. */
class HelmChartTest {

    private static final Path CHART = Deployables.ROOT.resolve("helm/vaksam");

    private static final String RELEASE = "prod";

    private static final String FULLNAME = "prod-vaksam";

    private static final List<String> REQUIRED_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
            "app.kubernetes.io/version", "app.kubernetes.io/component", "app.kubernetes.io/part-of",
            "app.kubernetes.io/managed-by");

    private static final String SCHEMA_REJECTION = "values don't meet the specifications of the schema";

    private static final String MONGO_PASSWORD = "s3cr3t-Mongo-pass";

    private static final String SEALING_KEYSET = "{\"primaryKeyId\":4711,\"key\":[{\"keyData\":\"c2VhbGluZy1rZXk\"}]}";
    private static final String TIPSTER_KEYSET = "{\"primaryKeyId\":815,\"key\":[{\"keyData\":\"dGlwc3Rlci1rZXk\"}]}";

    private static final String SHARED_SECRET = "shared-Secret-value-0815";

    private static final String OVERRIDES = """
            publicBaseUrl: https://vaksam.goteborg.example
            imageRegistry: registry.example.org/vaksam/
            mongo:
              uri: mongodb://vaksam:%s@mongo-0.mongo:27017/?replicaSet=rs0&tls=true
            secrets:
              values:
                VAKSAM_SHARED_SECRET: "%s"
            ingress:
              enabled: true
              className: nginx
              host: vaksam.goteborg.example
              tls:
                enabled: true
                secretName: vaksam-tls
            topics:
              clientConfigSecret: kafka-client
            services:
              gateway:
                replicas: 3
              tip-intake:
                image:
                  repository: vaksam/tip-intake
                  tag: "1.2.3"
                env:
                  VAKSAM_INTAKE_MAX_BODY_BYTES: "65536"
                secretEnv:
                  VAKSAM_SEALING_TIPSTER_PRIVATE_KEYSET: '%s'
              alert-inbox:
                secretEnv:
                  VAKSAM_SEALING_PRIVATE_KEYSET: '%s'
            """.formatted(MONGO_PASSWORD, SHARED_SECRET, TIPSTER_KEYSET, SEALING_KEYSET);

    private static final String EXISTING_SECRETS = """
            secrets:
              existingSecret: vaksam-managed
            services:
              identity:
                existingSecret: identity-managed
            """;

    @TempDir
    static Path temp;

    private static List<Map<String, Object>> defaults;

    private static List<Map<String, Object>> overridden;

    @BeforeAll
    static void renderChart() {
        defaults = Yamls.loadAll(template(CHART, null));
        overridden = Yamls.loadAll(template(CHART, valuesFile("overrides.yaml", OVERRIDES)));
    }

    static Stream<String> applicationServices() {
        return SERVICES.keySet().stream();
    }

    @Test
    void lintPassesInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as("lint messages: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @Test
    void rendersOneDeploymentAndServicePerServiceAndNothingOfTheExternalInfrastructure() {
        assertThat(componentsOf(defaults, "Deployment")).containsExactlyInAnyOrderElementsOf(SERVICES.keySet());
        assertThat(componentsOf(defaults, "Service")).containsExactlyInAnyOrderElementsOf(SERVICES.keySet());
        assertThat(kinds(defaults)).doesNotContain("StatefulSet", "DaemonSet", "Ingress", "PersistentVolumeClaim");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void deploymentProbesActuatorHealthGroups(String name) {
        Map<String, Object> container = container(deployment(defaults, name));

        assertThat(stringAt(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(stringAt(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(stringAt(container, "livenessProbe", "httpGet", "port")).isEqualTo("http");
        assertThat(at(listAt(container, "ports").get(0), "containerPort")).isEqualTo(SERVICES.get(name));
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void deploymentRunsNonRootOnAReadOnlyFilesystemWithoutCapabilities(String name) {
        Map<String, Object> pod = mapAt(deployment(defaults, name), "spec", "template", "spec");
        Map<String, Object> container = container(deployment(defaults, name));

        assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) at(pod, "securityContext", "runAsUser")).isPositive();
        assertThat(at(container, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(listAt(container, "securityContext", "capabilities", "drop")).containsExactly("ALL");
        assertThat(listAt(container, "volumeMounts")).anySatisfy(mount -> {
            assertThat(stringAt(mount, "mountPath")).isEqualTo("/tmp");
            assertThat(listAt(pod, "volumes")).anySatisfy(volume -> {
                assertThat(stringAt(volume, "name")).isEqualTo(stringAt(mount, "name"));
                assertThat(at(volume, "emptyDir")).isNotNull();
            });
        });
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void deploymentHasPinnedImageResourcesAndTheRuntimeContract(String name) {
        Map<String, Object> container = container(deployment(defaults, name));
        List<Object> env = listAt(container, "env");

        assertThat(stringAt(container, "image")).matches(PINNED_IMAGE).startsWith("vaksam/" + name + ":");
        assertThat(stringAt(container, "resources", "limits", "memory")).isNotBlank();
        assertThat(stringAt(container, "resources", "requests", "cpu")).isNotBlank();
        assertThat(env).anySatisfy(variable -> {
            assertThat(stringAt(variable, "name")).isEqualTo("SERVER_PORT");
            assertThat(stringAt(variable, "value")).isEqualTo(String.valueOf(SERVICES.get(name)));
        });
        assertThat(envFromNames(container, "configMapRef")).containsExactly(FULLNAME);
        assertThat(envFromNames(container, "secretRef")).containsExactly(FULLNAME);
    }

    @Test
    void intakeTrustsTheGatewaysForwardedFor() {
        assertThat(mapAt(single(defaults, "ConfigMap"), "data"))
                .containsEntry("VAKSAM_INTAKE_TRUST_FORWARDED_FOR", "true");
        assertThat(envFromNames(container(deployment(defaults, "tip-intake")), "configMapRef"))
                .containsExactly(FULLNAME);
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void serviceSelectsItsDeploymentsPods(String name) {
        Map<String, Object> service = byComponent(defaults, "Service", name);
        Map<String, Object> podLabels = mapAt(deployment(defaults, name), "spec", "template", "metadata", "labels");

        assertThat(podLabels).containsAllEntriesOf(mapAt(service, "spec", "selector"));
        assertThat(mapAt(deployment(defaults, name), "spec", "selector", "matchLabels"))
                .isEqualTo(mapAt(service, "spec", "selector"));
        assertThat(at(listAt(service, "spec", "ports").get(0), "port")).isEqualTo(SERVICES.get(name));
    }

    @Test
    void everyObjectAndPodCarriesTheRecommendedLabels() {
        for (List<Map<String, Object>> manifests : List.of(defaults, overridden)) {
            for (Map<String, Object> manifest : manifests) {
                assertThat(mapAt(manifest, "metadata", "labels")).as("labels of %s", describe(manifest))
                        .containsKeys(REQUIRED_LABELS.toArray(String[]::new))
                        .containsEntry("app.kubernetes.io/part-of", "vaksam")
                        .containsEntry("app.kubernetes.io/managed-by", "Helm")
                        .containsEntry("app.kubernetes.io/instance", RELEASE);
                if (stringAt(manifest, "kind").equals("Deployment")) {
                    assertThat(mapAt(manifest, "spec", "template", "metadata", "labels"))
                            .containsKeys(REQUIRED_LABELS.toArray(String[]::new));
                }
            }
        }
    }

    @Test
    void configMapCarriesTheRuntimeContractAndNoSecret() {
        Map<String, Object> config = mapAt(single(defaults, "ConfigMap"), "data");

        assertThat(config).containsEntry("VAKSAM_SECURITY_ISSUER", "http://localhost:8080")
                .containsEntry("VAKSAM_SECURITY_JWK_SET_URI", "http://" + FULLNAME + "-identity:9000/oauth2/jwks")
                .containsEntry("VAKSAM_DEMO_ENABLED", "false")
                .containsEntry("VAKSAM_PUBLIC_BASE_URL", "http://localhost:8080")
                .containsEntry("SPRING_MAIL_HOST", "smtp")
                .containsEntry("SPRING_MAIL_PORT", "587")
                .containsEntry("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true")
                .containsKey("VAKSAM_NETWORK_BULLETINS_FROM")
                .containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "VAKSAM_REGISTRY_URL")
                .doesNotContainKeys("VAKSAM_MONGO_URI", "SPRING_MAIL_PASSWORD");
        SERVICES.forEach((name, port) -> {
            String key = "VAKSAM_GATEWAY_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_URI";
            if (name.equals("gateway")) {
                assertThat(config).doesNotContainKey(key);
            } else {
                assertThat(config).containsEntry(key, "http://" + FULLNAME + "-" + name + ":" + port);
            }
        });
        assertThat(decodedSecretData(single(defaults, "Secret"))).containsKey("VAKSAM_MONGO_URI");
        assertNoSecretOutsideSecrets(defaults);
    }

    @Test
    void overriddenSecretsStayInSecrets() {
        assertNoSecretOutsideSecrets(overridden);
        assertThat(String.join("\n", configMapAndEnvValues(overridden)))
                .doesNotContain(MONGO_PASSWORD).doesNotContain(SEALING_KEYSET).doesNotContain(SHARED_SECRET)
                .doesNotContain(TIPSTER_KEYSET);
    }

    @Test
    void serviceSecretReachesOnlyItsService() {
        Map<String, Object> inboxSecret = named(overridden, "Secret", FULLNAME + "-alert-inbox");

        assertThat(decodedSecretData(inboxSecret)).containsEntry("VAKSAM_SEALING_PRIVATE_KEYSET", SEALING_KEYSET)
                .doesNotContainKey("VAKSAM_SEALING_TIPSTER_PRIVATE_KEYSET");
        assertThat(decodedSecretData(named(overridden, "Secret", FULLNAME + "-tip-intake")))
                .containsExactly(Map.entry("VAKSAM_SEALING_TIPSTER_PRIVATE_KEYSET", TIPSTER_KEYSET));
        for (String name : SERVICES.keySet()) {
            List<String> secretRefs = envFromNames(container(deployment(overridden, name)), "secretRef");
            if (name.equals("alert-inbox") || name.equals("tip-intake")) {
                assertThat(secretRefs).containsExactly(FULLNAME, FULLNAME + "-" + name);
            } else {
                assertThat(secretRefs).containsExactly(FULLNAME);
            }
        }
    }

    @Test
    void overridesReachTheManifests() {
        Map<String, Object> tipIntake = deployment(overridden, "tip-intake");

        assertThat(stringAt(container(tipIntake), "image")).isEqualTo("registry.example.org/vaksam/vaksam/tip-intake:1.2.3");
        assertThat(mapAt(tipIntake, "metadata", "labels")).containsEntry("app.kubernetes.io/version", "1.2.3");
        assertThat(listAt(container(tipIntake), "env")).anySatisfy(variable -> {
            assertThat(stringAt(variable, "name")).isEqualTo("VAKSAM_INTAKE_MAX_BODY_BYTES");
            assertThat(stringAt(variable, "value")).isEqualTo("65536");
        });
        assertThat(at(deployment(overridden, "gateway"), "spec", "replicas")).isEqualTo(3);
        assertThat(mapAt(single(overridden, "ConfigMap"), "data"))
                .containsEntry("VAKSAM_SECURITY_ISSUER", "https://vaksam.goteborg.example");
    }

    @Test
    void theGatewaysLoginSecretReachesOnlyTheGatewayAndItsEncodedFormOnlyIdentity() {
        String plain = "gateway-login-Secret-4711";
        String encoded = "{bcrypt}$2a$10$abcdefghijklmnopqrstuuJ0o5tXq3ptYb1T5Tq8f1fW6lJk0u2dC";
        List<Map<String, Object>> manifests = Yamls.loadAll(template(CHART, valuesFile("login.yaml", """
                services:
                  gateway:
                    secretEnv:
                      VAKSAM_GATEWAY_LOGIN_CLIENT_SECRET: "%s"
                  identity:
                    secretEnv:
                      VAKSAM_IDENTITY_GATEWAY_CLIENT_SECRET: "%s"
                """.formatted(plain, encoded))));

        assertThat(decodedSecretData(named(manifests, "Secret", FULLNAME + "-gateway")))
                .containsExactly(Map.entry("VAKSAM_GATEWAY_LOGIN_CLIENT_SECRET", plain));
        assertThat(decodedSecretData(named(manifests, "Secret", FULLNAME + "-identity")))
                .containsExactly(Map.entry("VAKSAM_IDENTITY_GATEWAY_CLIENT_SECRET", encoded));
        for (String name : SERVICES.keySet()) {
            List<String> secretRefs = envFromNames(container(deployment(manifests, name)), "secretRef");
            if (name.equals("gateway") || name.equals("identity")) {
                assertThat(secretRefs).containsExactly(FULLNAME, FULLNAME + "-" + name);
            } else {
                assertThat(secretRefs).containsExactly(FULLNAME);
            }
        }
        assertNoSecretOutsideSecrets(manifests);
        assertThat(String.join("\n", configMapAndEnvValues(manifests))).doesNotContain(plain).doesNotContain(encoded);
        // The gateway's provider: the public base URL for the browser, identity's service for tokens and keys.
        assertThat(mapAt(single(manifests, "ConfigMap"), "data"))
                .containsEntry("VAKSAM_SECURITY_ISSUER", "http://localhost:8080")
                .containsEntry("VAKSAM_GATEWAY_IDENTITY_URI", "http://" + FULLNAME + "-identity:9000");
    }

    @Test
    void oneGatewayByDefaultForItKeepsLoginsInMemory() {
        assertThat(at(deployment(defaults, "gateway"), "spec", "replicas")).isEqualTo(1);
    }

    @Test
    void ingressIsOptionalAndLeadsToTheGatewayOnly() {
        Map<String, Object> ingress = single(overridden, "Ingress");
        List<Object> rules = listAt(ingress, "spec", "rules");
        List<Object> paths = listAt(rules.get(0), "http", "paths");

        assertThat(kinds(defaults)).doesNotContain("Ingress");
        assertThat(stringAt(ingress, "spec", "ingressClassName")).isEqualTo("nginx");
        assertThat(rules).hasSize(1);
        assertThat(stringAt(rules.get(0), "host")).isEqualTo("vaksam.goteborg.example");
        assertThat(paths).hasSize(1);
        assertThat(stringAt(paths.get(0), "path")).isEqualTo("/");
        assertThat(stringAt(paths.get(0), "backend", "service", "name")).isEqualTo(FULLNAME + "-gateway");
        assertThat(stringAt(paths.get(0), "backend", "service", "port", "name")).isEqualTo("http");
        assertThat(stringAt(listAt(ingress, "spec", "tls").get(0), "secretName")).isEqualTo("vaksam-tls");
    }

    @Test
    void existingSecretsReplaceTheChartsSecrets() {
        List<Map<String, Object>> manifests =
                Yamls.loadAll(template(CHART, valuesFile("existing-secrets.yaml", EXISTING_SECRETS)));

        assertThat(kinds(manifests)).doesNotContain("Secret");
        for (String name : SERVICES.keySet()) {
            List<String> secretRefs = envFromNames(container(deployment(manifests, name)), "secretRef");
            if (name.equals("identity")) {
                assertThat(secretRefs).containsExactly("vaksam-managed", "identity-managed");
            } else {
                assertThat(secretRefs).containsExactly("vaksam-managed");
            }
        }
    }

    /**
     * helm-java's template returns the release manifest without hooks (the helm CLI appends them), so the Job is
     * rendered from a copy of the chart whose hook annotations carry another key.
     */
    @Test
    void hookJobCreatesEveryTopicBeforeInstallAndUpgrade() throws IOException {
        Path chart = copyChart("hook-visible");
        Path job = chart.resolve("templates/topics-job.yaml");
        Files.writeString(job, Files.readString(job).replace("helm.sh/hook", "deploy-check.vaksam/hook"));
        Map<String, Object> rendered = single(Yamls.loadAll(template(chart, null)), "Job");
        Map<String, Object> container = map(listAt(rendered, "spec", "template", "spec", "containers").get(0), "container");
        String script = String.join("\n", listAt(container, "args").stream().map(String::valueOf).toList());

        assertThat(mapAt(rendered, "metadata", "annotations"))
                .containsEntry("deploy-check.vaksam/hook", "pre-install,pre-upgrade");
        assertThat(stringAt(container, "image")).matches(PINNED_IMAGE).startsWith("apache/kafka:4.");
        assertThat(script).contains("kafka-topics.sh").contains("--create --if-not-exists")
                .contains("--replication-factor 3").contains("--bootstrap-server 'kafka:9092'");
        for (Deployables.TopicSpec topic : TOPICS) {
            String line = script.lines().filter(l -> l.contains("--topic '" + topic.name() + "'")).findFirst()
                    .orElseThrow(() -> new AssertionError("no creation of " + topic.name() + " in\n" + script));
            assertThat(line).contains("--partitions " + topic.partitions());
            assertThat(line.contains("cleanup.policy=compact")).as("compaction of %s", topic.name())
                    .isEqualTo(topic.compacted());
        }
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(rendered, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("replicas of the wrong type", """
                        services:
                          gateway:
                            replicas: two
                        """),
                Arguments.of("an image tagged latest", """
                        services:
                          tip-intake:
                            image:
                              tag: latest
                        """),
                Arguments.of("a secret in plain env", """
                        services:
                          alert-inbox:
                            env:
                              VAKSAM_SEALING_PRIVATE_KEYSET: "{}"
                        """),
                Arguments.of("an unknown pull policy", """
                        imagePullPolicy: Sometimes
                        """),
                Arguments.of("an unknown service", """
                        services:
                          billing:
                            port: 8099
                        """),
                Arguments.of("TLS without a certificate secret", """
                        ingress:
                          enabled: true
                          tls:
                            enabled: true
                        """),
                Arguments.of("a base URL without scheme", """
                        publicBaseUrl: vaksam.example.org
                        """),
                Arguments.of("a topic without partitions", """
                        topics:
                          list:
                            - name: vaksam.tip.submitted.v1
                              partitions: 0
                        """),
                Arguments.of("the gateway's login secret stored unencoded at identity", """
                        services:
                          identity:
                            secretEnv:
                              VAKSAM_IDENTITY_GATEWAY_CLIENT_SECRET: gateway-login-Secret-4711
                        """),
                Arguments.of("the encoded login secret given to the gateway, which must send the secret itself", """
                        services:
                          gateway:
                            secretEnv:
                              VAKSAM_GATEWAY_LOGIN_CLIENT_SECRET: "{bcrypt}$2a$10$abcdefghijklmnopqrstuu"
                        """),
                Arguments.of("a short gateway login secret", """
                        services:
                          gateway:
                            secretEnv:
                              VAKSAM_GATEWAY_LOGIN_CLIENT_SECRET: short
                        """),
                Arguments.of("a registry URL that is not the v2/v3 core API", """
                        registry:
                          url: http://registry:8080/apis/ccompat/v7
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void schemaRejectsInvalidValues(String description, String values) {
        Path file = valuesFile("invalid-" + description.replaceAll("\\W+", "-") + ".yaml", values);

        assertThatThrownBy(() -> template(CHART, file)).hasMessageContaining(SCHEMA_REJECTION);
    }

    @Test
    void lintFailsOnAChartWhoseValuesBreakTheSchema() throws IOException {
        Path chart = copyChart("invalid-defaults");
        Path values = chart.resolve("values.yaml");
        Files.writeString(values, Files.readString(values).replaceFirst("replicas: 1", "replicas: \"two\""));

        LintResult lint = new Helm(chart).lint().strict().call();

        assertThat(lint.isFailed()).isTrue();
        assertThat(String.join("\n", lint.getMessages())).contains("replicas");
    }

    private static String template(Path chart, Path valuesFile) {
        var command = new Helm(chart).template().withName(RELEASE).withNamespace("vaksam");
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        return command.call();
    }

    private static Path valuesFile(String name, String content) {
        try {
            return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyChart(String name) throws IOException {
        Path target = temp.resolve(name).resolve("vaksam");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }

    private static void assertNoSecretOutsideSecrets(List<Map<String, Object>> manifests) {
        Set<String> secretValues = new HashSet<>();
        manifests.stream().filter(m -> stringAt(m, "kind").equals("Secret"))
                .forEach(secret -> secretValues.addAll(decodedSecretData(secret).values()));
        assertThat(secretValues).isNotEmpty();

        for (Map<String, Object> configMap : ofKind(manifests, "ConfigMap")) {
            mapAt(configMap, "data").keySet().forEach(key -> assertThat(key).as("ConfigMap key")
                    .doesNotMatch(SECRET_NAME).isNotEqualTo("VAKSAM_MONGO_URI"));
        }
        for (String value : configMapAndEnvValues(manifests)) {
            for (String secret : secretValues) {
                assertThat(value).as("a ConfigMap or env value").doesNotContain(secret);
            }
        }
    }

    /** Every value a pod can read outside Secrets: ConfigMap data and literal container env. */
    private static List<String> configMapAndEnvValues(List<Map<String, Object>> manifests) {
        List<String> values = new ArrayList<>();
        ofKind(manifests, "ConfigMap").forEach(cm -> mapAt(cm, "data").values().forEach(v -> values.add(String.valueOf(v))));
        ofKind(manifests, "Deployment").forEach(d -> listAt(container(d), "env")
                .forEach(variable -> values.add(String.valueOf(stringAt(variable, "value")))));
        return values;
    }

    private static Map<String, String> decodedSecretData(Map<String, Object> secret) {
        Map<String, String> decoded = new LinkedHashMap<>();
        Object data = at(secret, "data");
        if (data != null) {
            map(data, "Secret data").forEach((key, value) -> decoded.put(key,
                    new String(Base64.getDecoder().decode(String.valueOf(value)), StandardCharsets.UTF_8)));
        }
        Object stringData = at(secret, "stringData");
        if (stringData != null) {
            map(stringData, "Secret stringData").forEach((key, value) -> decoded.put(key, String.valueOf(value)));
        }
        return decoded;
    }

    private static List<String> envFromNames(Map<String, Object> container, String refKind) {
        return listAt(container, "envFrom").stream()
                .map(source -> stringAt(source, refKind, "name"))
                .filter(Objects::nonNull)
                .toList();
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = listAt(deployment, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return map(containers.get(0), "container");
    }

    private static Map<String, Object> deployment(List<Map<String, Object>> manifests, String service) {
        return byComponent(manifests, "Deployment", service);
    }

    private static Map<String, Object> byComponent(List<Map<String, Object>> manifests, String kind, String component) {
        List<Map<String, Object>> matches = ofKind(manifests, kind).stream()
                .filter(m -> component.equals(stringAt(m, "metadata", "labels", "app.kubernetes.io/component")))
                .toList();
        assertThat(matches).as("%s for %s", kind, component).hasSize(1);
        return matches.get(0);
    }

    private static Map<String, Object> named(List<Map<String, Object>> manifests, String kind, String name) {
        return ofKind(manifests, kind).stream().filter(m -> name.equals(stringAt(m, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> single(List<Map<String, Object>> manifests, String kind) {
        List<Map<String, Object>> matches = ofKind(manifests, kind);
        assertThat(matches).as("%s objects", kind).hasSize(1);
        return matches.get(0);
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(stringAt(m, "kind"))).toList();
    }

    private static List<String> componentsOf(List<Map<String, Object>> manifests, String kind) {
        return ofKind(manifests, kind).stream()
                .map(m -> stringAt(m, "metadata", "labels", "app.kubernetes.io/component"))
                .toList();
    }

    private static List<String> kinds(List<Map<String, Object>> manifests) {
        return manifests.stream().map(m -> stringAt(m, "kind")).toList();
    }

    private static String describe(Map<String, Object> manifest) {
        return stringAt(manifest, "kind") + "/" + stringAt(manifest, "metadata", "name");
    }
}
