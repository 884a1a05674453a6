package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A person's login in a real Chromium (browser/staff-login.mjs) against the running system: the lettings officer
 * opens /lettings, logs in at identity's form and lands back on /lettings, where premises-risk receives their
 * access token from the gateway and greets them by name; a logout posted from another site is refused; the page's
 * logout ends the login.
 */
class StaffLoginBrowserIT extends RunningSystemTest {

    @Test
    void theLettingsOfficerLogsInAtIdentityLandsBackOnTheirPageAndLogsOut() throws IOException, InterruptedException {
        JsonNode result = BrowserRun.run("staff-login.mjs", stack.gatewayUrl(), Duration.ofMinutes(5), Map.of());
        assertThat(result.get("steps").size()).as("steps passed: %s", result.get("steps")).isEqualTo(4);

        JsonNode landing = result.get("landing");
        assertThat(landing.get("url").asString()).isEqualTo(stack.gatewayUrl() + "/lettings");
        assertThat(landing.get("status").asInt()).as("premises-risk's answer to the logged-in person").isEqualTo(200);
        assertThat(landing.get("userName").asString()).isEqualTo("lettings-officer");
    }
}
