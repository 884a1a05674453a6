package se.goteborg.vaksam.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static se.goteborg.vaksam.deploycheck.Deployables.SERVICES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's Dockerfile: a pinned JRE 17, the Maven-built jar, a numeric non-root user, its port. */
class DockerfileTest {

    static Stream<String> applicationServices() {
        return SERVICES.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void startsFromAnExactlyPinnedJre17(String name) throws IOException {
        List<String> from = instructions(name, "FROM");

        assertThat(from).hasSize(1);
        assertThat(from.get(0)).matches("^eclipse-temurin:17\\.0\\.\\d+(\\.\\d+)?_\\d+-jre(-[a-z]+)?$");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void copiesTheServiceJarBuiltByMaven(String name) throws IOException {
        assertThat(instructions(name, "COPY")).containsExactly("target/" + name + ".jar /app/app.jar");
        assertThat(instructions(name, "ENTRYPOINT")).containsExactly("[\"java\", \"-jar\", \"/app/app.jar\"]");
    }

    /** The Dockerfile copies target/<name>.jar, so the Maven build must name the jar after the service. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void mavenBuildProducesTheJarTheDockerfileCopies(String name) throws IOException {
        String pom = Files.readString(Deployables.ROOT.resolve("services").resolve(name).resolve("pom.xml"));
        assumeFalse(pom.contains("<packaging>pom</packaging>"), name + " is still a placeholder module");
        Matcher finalName = Pattern.compile("<finalName>\\s*([^<]+?)\\s*</finalName>").matcher(pom);

        assertThat(finalName.find()).as("%s/pom.xml sets <finalName>", name).isTrue();
        assertThat(finalName.group(1)).isIn("${project.artifactId}", name);
        assertThat(pom).contains("<artifactId>" + name + "</artifactId>");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void runsAsANumericNonRootUser(String name) throws IOException {
        List<String> users = instructions(name, "USER");

        assertThat(users).hasSize(1);
        assertThat(users.get(0)).matches("^[0-9]+(:[0-9]+)?$");
        assertThat(Integer.parseInt(users.get(0).split(":")[0])).isPositive();
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void exposesItsPortAndLeavesHealthToTheOrchestrator(String name) throws IOException {
        assertThat(instructions(name, "EXPOSE")).containsExactly(String.valueOf(SERVICES.get(name)));
        assertThat(instructions(name, "HEALTHCHECK")).isEmpty();
        assertThat(String.join(" ", instructions(name, "ENV")))
                .contains("SERVER_PORT=" + SERVICES.get(name))
                .contains("JAVA_TOOL_OPTIONS=")
                .contains("-XX:MaxRAMPercentage=")
                .contains("-XX:+ExitOnOutOfMemoryError");
    }

    /** Arguments of every instruction with the given keyword, continuation lines joined, comments dropped. */
    private static List<String> instructions(String service, String keyword) throws IOException {
        Path dockerfile = Deployables.ROOT.resolve("services").resolve(service).resolve("Dockerfile");
        String joined = Files.readString(dockerfile).replaceAll("\\\\\\r?\\n\\s*", " ");
        return joined.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> line.toUpperCase(Locale.ROOT).startsWith(keyword + " "))
                .map(line -> line.substring(keyword.length()).strip())
                .toList();
    }
}
