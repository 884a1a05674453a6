package se.goteborg.vaksam.e2e;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The lettings group's pages in a real Chromium (browser/lettings-pages.mjs): the lettings officer logs in through
 * the gateway, finds the premises a tip flagged, records the landlord's action on its notice, imports a register
 * file and checks an address; axe-core (WCAG 2.1 A and AA) passes over every page in Swedish and English.
 */
class LettingsPagesBrowserIT extends RunningSystemTest {

    /** The demo register's massage salon at Kungsgatan 12, 411 19 Göteborg. */
    private static final String SALON = "GBG-L-0001";
    private static final int STEPS = 7;
    private static final int AXE_PAGES = 13;

    @Test
    void theLettingsOfficerFindsTheFlaggedPremisesRecordsAnActionImportsAndChecksAnAddress()
            throws IOException, InterruptedException {
        accepted(vaksam.submitTip("hotel", "demo-hotel-key", hotelTip("NO", "SEXUAL", List.of("STREAM_OF_MEN"),
                Map.of("name", "Hotell Kungsgatan", "streetAddress", "Kungsgatan 12", "postalCode", "411 19",
                        "city", "Göteborg"))));
        Awaitility.await("a notice for " + SALON).atMost(DELIVERY)
                .until(() -> vaksam.get("lettings-demo", "/api/v1/lettings/notices/" + SALON).status() == 200);

        JsonNode result = BrowserRun.run("lettings-pages.mjs", stack.gatewayUrl(), Duration.ofMinutes(5),
                Map.of("VAKSAM_PREMISES_ID", SALON));

        BrowserRun.assertPagesPassed(result, STEPS, AXE_PAGES);
    }
}
