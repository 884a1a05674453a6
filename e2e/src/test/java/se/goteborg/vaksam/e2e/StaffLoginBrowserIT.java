package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's login in a real Chromium (browser/staff-login.mjs) against the running system: the lettings officer
 * opens /lettings, logs in at identity's form and lands back on /lettings, where premises-risk receives their
 * access token from the gateway; a logout posted from another site is refused; the page's logout ends the login.
 * With the lettings pages in place the page greets the person by name (200); without them premises-risk still
 * shows that the token reached it and was valid (403, where no token would be 401).
 */
class StaffLoginBrowserIT extends RunningSystemTest {

    private static final Path SCRIPT = Path.of("browser", "staff-login.mjs");
    private static final Path RESULT = Path.of("target", "staff-login-result.json");

    @Test
    void theLettingsOfficerLogsInAtIdentityLandsBackOnTheirPageAndLogsOut() throws IOException, InterruptedException {
        Files.deleteIfExists(RESULT);
        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        node.environment().put("VAKSAM_GATEWAY_URL", stack.gatewayUrl());
        node.environment().put("VAKSAM_BROWSER_RESULT", RESULT.toAbsolutePath().toString());
        Process browser = node.start();
        Thread output = streamToTestLog(browser);

        boolean finished = browser.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly().waitFor();
        }
        output.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(finished).as("the browser run finished within 5 minutes").isTrue();
        assertThat(RESULT).as("the browser run's result file").exists();
        JsonNode result = JsonMapper.builder().build().readTree(RESULT.toFile());
        assertThat(result.get("failures").valueStream().map(JsonNode::asString).toList()).as("failures").isEmpty();
        assertThat(browser.exitValue()).as("exit code of " + SCRIPT).isZero();
        assertThat(result.get("steps").size()).as("steps passed: %s", result.get("steps")).isEqualTo(4);

        JsonNode landing = result.get("landing");
        assertThat(landing.get("url").asString()).isEqualTo(stack.gatewayUrl() + "/lettings");
        assertThat(landing.get("status").asInt()).as("premises-risk's answer to the logged-in person")
                .isIn(200, 403);
        if (landing.get("status").asInt() == 200) {
            assertThat(landing.get("userName").asString()).isEqualTo("lettings-officer");
        }
    }

    private static Thread streamToTestLog(Process process) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(System.out::println);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "browser-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
