package se.goteborg.vaksam.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What every deployment file must provide: the services of the runtime contract and the topics of the design. */
final class Deployables {

    /** Service name to its port, as fixed by the runtime contract. */
    static final Map<String, Integer> SERVICES = services();

    static final List<TopicSpec> TOPICS = List.of(
            new TopicSpec("vaksam.tip.submitted.v1", 6, false),
            new TopicSpec("vaksam.premises.assessed.v1", 6, false),
            new TopicSpec("vaksam.alert.routed.v1", 6, false),
            new TopicSpec("vaksam.alert.status-changed.v1", 6, false),
            new TopicSpec("vaksam.followup.message.v1", 6, false),
            new TopicSpec("vaksam.member.changed.v1", 3, true),
            new TopicSpec("vaksam.bulletin.changed.v1", 3, true),
            new TopicSpec("vaksam.dlt.v1", 3, false));

    static final String PUBLIC_BASE_URL = "http://localhost:8080";

    /** Setting names whose values are credentials or key material. */
    static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|KEYSET|CREDENTIAL|API_?KEY).*");

    /** Image references with an exact tag: a name, a colon, and a tag that is not "latest". */
    static final Pattern PINNED_IMAGE = Pattern.compile("^(?:[^/\\s]+/)*[a-z0-9._-]+:(?!latest$)[A-Za-z0-9_][A-Za-z0-9_.-]*$");

    static final Path ROOT = findRoot();

    record TopicSpec(String name, int partitions, boolean compacted) {
    }

    private Deployables() {
    }

    private static Map<String, Integer> services() {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("identity", 9000);
        services.put("gateway", 8080);
        services.put("network-coordination", 8085);
        services.put("tip-intake", 8081);
        services.put("premises-risk", 8082);
        services.put("alert-routing", 8083);
        services.put("alert-inbox", 8084);
        return Collections.unmodifiableMap(services);
    }

    /** Surefire runs in the module folder; the deployment files live at the repository root above it. */
    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
                    && Files.isRegularFile(dir.resolve("helm/vaksam/Chart.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root with docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
