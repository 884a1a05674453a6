package se.goteborg.vaksam.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackPlanTest {

    private static final Path ROOT = Path.of("/repo");
    private static final Path JAVA = Path.of("/jdk/bin/java");

    private final StackPlan plan = new StackPlan(ROOT, new DataLayout(Path.of("/repo/.devstack")),
            Ports.withOffset(1), true, Map.of(), Map.of(), JAVA);

    private ChildSpec spec(Component component) {
        return plan.specs(EnumSet.allOf(Component.class)).stream()
                .filter(spec -> spec.component() == component)
                .findFirst().orElseThrow();
    }

    @Test
    void startsInfrastructureFirstAndTheGatewayLast() {
        List<Component> order = plan.specs(EnumSet.allOf(Component.class)).stream().map(ChildSpec::component).toList();

        assertThat(order).containsExactly(Component.KAFKA_BROKER, Component.MONGO_STORE, Component.SCHEMA_REGISTRY,
                Component.MAIL_SERVER, Component.IDENTITY, Component.NETWORK_COORDINATION, Component.TIP_INTAKE, Component.PREMISES_RISK,
                Component.ALERT_ROUTING, Component.ALERT_INBOX, Component.GATEWAY);
    }

    @Test
    void everyDependencyStartsEarlier() {
        for (Component component : Component.values()) {
            for (Component dependency : StackPlan.dependencies(component)) {
                assertThat(dependency.ordinal()).as(component + " after " + dependency).isLessThan(component.ordinal());
            }
        }
        assertThat(spec(Component.ALERT_ROUTING).dependsOn()).containsExactlyInAnyOrderElementsOf(Component.infrastructure());
        assertThat(spec(Component.TIP_INTAKE).dependsOn()).contains(Component.NETWORK_COORDINATION);
    }

    @Test
    void servicesGetTheRuntimeContractEnvironment() {
        ChildSpec intake = spec(Component.TIP_INTAKE);

        assertThat(intake.environment())
                .containsEntry("SERVER_PORT", "8082")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9093")
                .containsEntry("VAKSAM_REGISTRY_URL", "http://localhost:8091/apis/registry/v2")
                .containsEntry("VAKSAM_MONGO_URI", "mongodb://localhost:27018")
                .containsEntry("VAKSAM_MONGO_DATABASE", "tip-intake")
                .containsEntry("VAKSAM_SECURITY_ISSUER", "http://localhost:8081")
                .containsEntry("VAKSAM_SECURITY_JWK_SET_URI", "http://localhost:9001/oauth2/jwks")
                .containsEntry("VAKSAM_DEMO_ENABLED", "true")
                .containsEntry("VAKSAM_INTAKE_TRUST_FORWARDED_FOR", "true");
        assertThat(spec(Component.ALERT_INBOX).environment()).doesNotContainKey("VAKSAM_INTAKE_TRUST_FORWARDED_FOR");
        assertThat(intake.probe()).isEqualTo(HealthProbe.http(java.net.URI.create("http://localhost:8082/actuator/health")));
        assertThat(intake.logFile()).isEqualTo(Path.of("/repo/.devstack/logs/tip-intake.log"));
    }

    @Test
    void servicesRunTheirModuleJarWithASmallHeap() {
        assertThat(spec(Component.ALERT_INBOX).command()).containsSubsequence(
                "/jdk/bin/java", "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", "/repo/services/alert-inbox/target/alert-inbox.jar");
    }

    @Test
    void theGatewayKnowsWhereEveryServiceIs() {
        assertThat(spec(Component.GATEWAY).environment())
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("VAKSAM_GATEWAY_IDENTITY_URI", "http://localhost:9001")
                .containsEntry("VAKSAM_GATEWAY_NETWORK_COORDINATION_URI", "http://localhost:8086")
                .containsEntry("VAKSAM_GATEWAY_TIP_INTAKE_URI", "http://localhost:8082")
                .containsEntry("VAKSAM_GATEWAY_PREMISES_RISK_URI", "http://localhost:8083")
                .containsEntry("VAKSAM_GATEWAY_ALERT_ROUTING_URI", "http://localhost:8084")
                .containsEntry("VAKSAM_GATEWAY_ALERT_INBOX_URI", "http://localhost:8085")
                // The login: the public base URL for the browser's redirects, and the demo's client secret.
                .containsEntry("VAKSAM_SECURITY_ISSUER", "http://localhost:8081")
                .containsEntry("VAKSAM_DEMO_ENABLED", "true");
    }

    @Test
    void onlyTheStoreKeepsTheOptimisingCompiler() {
        assertThat(spec(Component.MONGO_STORE).command()).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(spec(Component.KAFKA_BROKER).command()).contains("-XX:TieredStopAtLevel=1");
        assertThat(spec(Component.SCHEMA_REGISTRY).command()).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theBrokerAndTheStoreKeepTheirDataInTheDataDirectory() {
        assertThat(spec(Component.KAFKA_BROKER).command()).containsSubsequence(
                "-jar", "/repo/devstack/kafka-broker/target/kafka-broker.jar",
                "--port=9093", "--controller-port=9094", "--log-dir=/repo/.devstack/data/kafka");
        assertThat(spec(Component.KAFKA_BROKER).probe()).isEqualTo(HealthProbe.tcp(9093));
        assertThat(spec(Component.MONGO_STORE).command()).containsSubsequence(
                "-jar", "/repo/devstack/mongo-store/target/mongo-store.jar",
                "--port=27018", "--file=/repo/.devstack/data/mongo/vaksam.mv");
    }

    @Test
    void theRegistryKeepsSchemaIdsInAFile() {
        ChildSpec registry = spec(Component.SCHEMA_REGISTRY);

        assertThat(registry.command()).containsSubsequence("-Dquarkus.http.port=8091",
                "-jar", "/repo/devstack/schema-registry/target/quarkus-app/quarkus-run.jar");
        assertThat(registry.environment())
                .containsEntry("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:/repo/.devstack/data/registry/registry");
        assertThat(registry.probe())
                .isEqualTo(HealthProbe.http(java.net.URI.create("http://localhost:8091/apis/registry/v2/system/info")));
    }

    @Test
    void bulletinsGoToTheLocalMailServerAndEnrolmentLinksToTheGateway() {
        ChildSpec mail = spec(Component.MAIL_SERVER);
        assertThat(mail.command()).contains("-Dgreenmail.smtp.port=3026", "-Dgreenmail.api.port=8026",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.api.hostname=127.0.0.1")
                .containsSubsequence("-jar", "/repo/devstack/mail-server/target/mail-server.jar");
        assertThat(mail.probe())
                .isEqualTo(HealthProbe.http(java.net.URI.create("http://localhost:8026/api/service/readiness")));
        assertThat(mail.springBootJar()).isFalse();
        assertThat(spec(Component.NETWORK_COORDINATION).environment())
                .containsEntry("SPRING_MAIL_HOST", "localhost")
                .containsEntry("SPRING_MAIL_PORT", "3026")
                .containsEntry("VAKSAM_PUBLIC_BASE_URL", "http://localhost:8081");
    }

    @Test
    void aPartialStackDropsDependenciesItDoesNotStart() {
        List<ChildSpec> specs = plan.specs(EnumSet.of(Component.IDENTITY, Component.GATEWAY));

        assertThat(specs).extracting(ChildSpec::component).containsExactly(Component.IDENTITY, Component.GATEWAY);
        assertThat(specs.get(0).dependsOn()).isEmpty();
        assertThat(specs.get(1).dependsOn()).containsExactly(Component.IDENTITY);
    }

    @Test
    void extraEnvironmentAndJvmOptionsApply() {
        StackPlan tuned = new StackPlan(ROOT, new DataLayout(Path.of("/d")), Ports.defaults(), false,
                Map.of("VAKSAM_EXTRA", "1"), Map.of(Component.TIP_INTAKE, List.of("-Xmx64m")), JAVA);
        ChildSpec intake = tuned.specs(EnumSet.of(Component.TIP_INTAKE)).get(0);

        assertThat(intake.environment()).containsEntry("VAKSAM_EXTRA", "1").containsEntry("VAKSAM_DEMO_ENABLED", "false");
        assertThat(intake.command()).contains("-Xmx64m").doesNotContain("-Xmx256m");
    }
}
