package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.devstack.DemoCredentials;
import tools.jackson.databind.JsonNode;

/**
 * The second factor in a real Chromium (browser/two-factor.mjs) through the gateway: police-duty logs in with the
 * password and a code of the demo's documented secret and lands on the police inbox with their token relayed, after
 * a wrong code was refused; two-factor-trial sets up an authenticator, logs in with a code and with a recovery code,
 * and turns it off again. axe-core (WCAG 2.1 A and AA) passes over the login, code, recovery and set-up pages in
 * Swedish and English.
 */
class TwoFactorBrowserIT extends RunningSystemTest {

    private static final int STEPS = 6;
    private static final int AXE_PAGES = 15;

    @Test
    void anEnrolledPersonLogsInWithACodeAndAnotherSetsUpUsesAndTurnsOffTheirAuthenticator()
            throws IOException, InterruptedException {
        JsonNode result = BrowserRun.run("two-factor.mjs", stack.gatewayUrl(), Duration.ofMinutes(5),
                Map.of("VAKSAM_TOTP_SECRET", DemoCredentials.TWO_FACTOR_SECRET));

        assertThat(result.get("steps").size()).as("steps passed: %s", result.get("steps")).isEqualTo(STEPS);
        assertThat(result.get("axe").size()).as("pages through axe").isEqualTo(AXE_PAGES);
        result.get("axe").properties().forEach(page -> assertThat(page.getValue().get("violations").asInt())
                .as("axe violations on %s: %s", page.getKey(), page.getValue().get("details")).isZero());
        assertThat(result.get("headersChecked").asInt()).as("identity page loads checked for security headers")
                .isGreaterThanOrEqualTo(AXE_PAGES);

        JsonNode police = result.get("landings").get("police-duty");
        assertThat(police.get("url").asString()).isEqualTo(stack.gatewayUrl() + "/inbox");
        assertThat(police.get("status").asInt()).as("the inbox's answer to police-duty's relayed token").isEqualTo(200);
        assertThat(police.get("userName").asString()).isEqualTo("police-duty");
        JsonNode trial = result.get("landings").get("two-factor-trial");
        assertThat(trial.get("status").asInt()).isEqualTo(200);
        assertThat(trial.get("userName").asString()).isEqualTo("two-factor-trial");
    }
}
