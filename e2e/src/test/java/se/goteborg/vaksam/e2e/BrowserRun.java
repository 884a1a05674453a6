package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one of the browser scripts under {@code browser/} (node, playwright-core, Debian's Chromium, axe-core; all
 * installed by {@code browser/setup} before the integration tests) against the running system, and hands back the
 * JSON result it wrote, once it has checked that the script finished, reported no failures and exited with 0.
 */
final class BrowserRun {

    private BrowserRun() {
    }

    static JsonNode run(String script, String gatewayUrl, Duration timeout, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path result = Path.of("target", script.replace(".mjs", "") + "-result.json").toAbsolutePath();
        Files.deleteIfExists(result);
        ProcessBuilder node = new ProcessBuilder("node", Path.of("browser", script).toString()).redirectErrorStream(true);
        node.environment().put("VAKSAM_GATEWAY_URL", gatewayUrl);
        node.environment().put("VAKSAM_BROWSER_RESULT", result.toString());
        node.environment().putAll(environment);
        Process browser = node.start();
        Thread output = streamToTestLog(browser);

        boolean finished = browser.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            browser.destroyForcibly().waitFor();
        }
        output.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(finished).as("%s finished within %s", script, timeout).isTrue();
        assertThat(result).as("the result file of " + script).exists();
        JsonNode json = JsonMapper.builder().build().readTree(result.toFile());
        assertThat(json.get("failures").valueStream().map(JsonNode::asString).toList()).as("failures").isEmpty();
        assertThat(browser.exitValue()).as("exit code of " + script).isZero();
        return json;
    }

    /**
     * What a staff-pages script's result (staff-pages.mjs) must show: every one of its {@code steps} passed,
     * {@code axePages} pages through axe-core without a violation, and at least as many page loads checked for the
     * security headers.
     */
    static void assertPagesPassed(JsonNode result, int steps, int axePages) {
        assertThat(result.get("steps").size()).as("steps passed: %s", result.get("steps")).isEqualTo(steps);
        assertThat(result.get("axe").size()).as("pages through axe").isEqualTo(axePages);
        result.get("axe").properties().forEach(page -> assertThat(page.getValue().get("violations").asInt())
                .as("axe violations on %s: %s", page.getKey(), page.getValue().get("details")).isZero());
        assertThat(result.get("headersChecked").asInt()).as("page loads checked for security headers")
                .isGreaterThanOrEqualTo(axePages);
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
