package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The tip intake pages as tipsters meet them: a real Chromium (browser/intake-pages.mjs, playwright-core) drives
 * the running system through the gateway, for hotel and taxi, in Swedish and English, on a 360 px phone and a
 * desktop, and runs axe-core (WCAG 2.1 A and AA) over every intake page. Chromium and the npm packages come from
 * browser/setup, which the build runs before the integration tests.
 */
class IntakePagesBrowserIT extends RunningSystemTest {

    private static final int JOURNEYS = 8; // {hotel, taxi} x {sv, en} x {phone, desktop}
    private static final int AXE_PAGES = 16; // 8 kinds of page x {sv, en}

    @Test
    void tipstersSendTipsAndReadTheirReceiptsInBothLanguagesOnPhoneAndDesktopAndEveryPagePassesAxe()
            throws IOException, InterruptedException {
        JsonNode result = BrowserRun.run("intake-pages.mjs", stack.gatewayUrl(), Duration.ofMinutes(15), Map.of());

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
}
