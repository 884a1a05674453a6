package se.goteborg.vaksam.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything needed to start one child and to know when it is ready; {@code springBootJar} marks a
 * Spring Boot fat jar, which {@link ClassDataSharing} can extract and archive.
 */
record ChildSpec(
        Component component,
        Path jar,
        List<String> command,
        Map<String, String> environment,
        HealthProbe probe,
        Set<Component> dependsOn,
        Path logFile,
        boolean springBootJar) {

    ChildSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        dependsOn = Set.copyOf(dependsOn);
    }
}
