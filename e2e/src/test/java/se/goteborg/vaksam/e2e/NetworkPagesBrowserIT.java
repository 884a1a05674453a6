package se.goteborg.vaksam.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.devstack.Component;
import tools.jackson.databind.JsonNode;

/**
 * Göteborg &amp; Co's network desk in a real Chromium (browser/network-pages.mjs): the coordinator reads the
 * figures and the quarterly report, enrols a member and takes its enrolment link; the member's staff enrol a device
 * with it and send tips through the form, and the figures move; a bulletin reaches the member's e-mail (the local
 * mail server) and form page until withdrawn; a meeting records the member's attendance. axe-core (WCAG 2.1 A and AA)
 * passes over every page in Swedish and English.
 */
class NetworkPagesBrowserIT extends RunningSystemTest {

    private static final int STEPS = 11;
    private static final int AXE_PAGES = 20;

    @Test
    void theCoordinatorEnrolsAMemberWhoseTipsMoveTheFiguresAndReachesItWithABulletin()
            throws IOException, InterruptedException {
        JsonNode result = BrowserRun.run("network-pages.mjs", stack.gatewayUrl(), Duration.ofMinutes(8),
                Map.of("VAKSAM_MAIL_URL", stack.url(Component.MAIL_SERVER)));

        BrowserRun.assertPagesPassed(result, STEPS, AXE_PAGES);
    }
}
