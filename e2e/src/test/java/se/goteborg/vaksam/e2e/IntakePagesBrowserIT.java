package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tip intake pages as tipsters meet them: a real Chromium (browser/intake-pages.mjs, playwright-core) drives
 * the running system through the gateway, for hotel and taxi, in Swedish and English, on a 360 px phone and a
 * desktop, and runs axe-core (WCAG 2.1 A and AA) over every intake page. Chromium and the npm packages come from
 * browser/setup, which the build runs before the integration tests.
 */
class IntakePagesBrowserIT extends RunningSystemTest {

    private static final Path SCRIPT = Path.of("browser", "intake-pages.mjs");
    private static final Path RESULT = Path.of("target", "browser-result.json");
    private static final int JOURNEYS = 8; // {hotel, taxi} x {sv, en} x {phone, desktop}
    private static final int AXE_PAGES = 16; // 8 kinds of page x {sv, en}

    @Test
    void tipstersSendTipsAndReadTheirReceiptsInBothLanguagesOnPhoneAndDesktopAndEveryPagePassesAxe()
            throws IOException, InterruptedException {
        Files.deleteIfExists(RESULT);
        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        node.environment().put("VAKSAM_GATEWAY_URL", stack.gatewayUrl());
        node.environment().put("VAKSAM_BROWSER_RESULT", RESULT.toAbsolutePath().toString());
        Process browser = node.start();
        Thread output = streamToTestLog(browser);

        boolean finished = browser.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly().waitFor();
        }
        output.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(finished).as("the browser run finished within 15 minutes").isTrue();
        assertThat(RESULT).as("the browser run's result file").exists();
        JsonNode result = JsonMapper.builder().build().readTree(RESULT.toFile());
        assertThat(result.get("failures").valueStream().map(JsonNode::asString).toList()).as("failures").isEmpty();
        assertThat(browser.exitValue()).as("exit code of " + SCRIPT).isZero();

        assertThat(result.get("journeySubmissions").asInt()).as("tips sent through the forms").isEqualTo(JOURNEYS);
        assertThat(result.get("journeys").valueStream().filter(j -> j.get("ok").asBoolean()).count())
                .as("journeys from enrolment to receipt status").isEqualTo(JOURNEYS);

        Map<String, Integer> violations = new TreeMap<>();
        result.get("axe").properties().forEach(page -> violations.put(page.getKey(),
                page.getValue().get("violations").asInt()));
        assertThat(violations).as("axe violations per page").hasSize(AXE_PAGES).allSatisfy((page, count) ->
                assertThat(count).as("axe violations on %s: %s", page, result.get("axe").get(page).get("details"))
                        .isZero());

        JsonNode csp = result.get("csp");
        assertThat(csp.get("pagesChecked").asInt()).as("page loads checked for the CSP header")
                .isGreaterThanOrEqualTo(JOURNEYS * 5);
        assertThat(csp.get("missingOrWeak").isEmpty()).as("pages without the CSP: %s", csp.get("missingOrWeak")).isTrue();
        assertThat(csp.get("consoleViolations").isEmpty()).as("CSP violations: %s", csp.get("consoleViolations"))
                .isTrue();
        assertThat(result.get("horizontalOverflow").isEmpty())
                .as("pages scrolling sideways at 360 px: %s", result.get("horizontalOverflow")).isTrue();
        assertThat(result.get("failedRequests").isEmpty()).as("failed requests: %s", result.get("failedRequests"))
                .isTrue();
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
