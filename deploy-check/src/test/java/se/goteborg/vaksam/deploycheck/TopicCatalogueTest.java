package se.goteborg.vaksam.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The deployment files create topics themselves (the broker never auto-creates), so their list must be the one
 * the code declares. Read from the source so this module needs no build of platform/events.
 */
class TopicCatalogueTest {

    private static final Pattern DECLARATION = Pattern.compile(
            "new\\s+Topic<>\\(\\s*\"([^\"]+)\"\\s*,\\s*[\\w.\\[\\]]+\\.class\\s*,\\s*[\\w.\\[\\]]+\\.class\\s*,\\s*(\\d+)"
                    + "\\s*,[^;]*?,\\s*(true|false)\\s*\\)");

    @Test
    void deploymentTopicsAreTheTopicsDeclaredInCode() throws IOException {
        String source = Files.readString(topicsSource());
        List<Deployables.TopicSpec> declared = new ArrayList<>();
        Matcher matcher = DECLARATION.matcher(source);
        while (matcher.find()) {
            declared.add(new Deployables.TopicSpec(matcher.group(1), Integer.parseInt(matcher.group(2)),
                    Boolean.parseBoolean(matcher.group(3))));
        }

        assertThat(declared).containsExactlyInAnyOrderElementsOf(Deployables.TOPICS);
    }

    private static Path topicsSource() throws IOException {
        Path sources = Deployables.ROOT.resolve("platform/events/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.getFileName().toString().equals("Topics.java"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No Topics.java under " + sources));
        }
    }
}
