package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The recipients' inbox pages in a real Chromium (browser/inbox-pages.mjs), for a possible child: a hotel tip with a
 * description, about premises no other test uses, routes IMMEDIATE to social services for children; their worker logs
 * in through the gateway, finds the alert, opens it and its details with a reason, acknowledges, adds a note and asks
 * the tipster a question. This test answers the question through the receipt API, as the tipster would, and tells the
 * browser, which reloads and sees the answer, then records the outcome; the auditor finds the openings. axe-core
 * (WCAG 2.1 A and AA) passes over every distinct page in Swedish and English.
 */
class InboxPagesBrowserIT extends RunningSystemTest {

    private static final String CLIENT = "social-children-demo";
    private static final int STEPS = 18;
    private static final int AXE_PAGES = 30;
    private static final Duration BROWSER = Duration.ofMinutes(8);

    @Test
    void aSocialServicesWorkerWorksAPossibleChildsAlertThroughTheInboxPages() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String description = "Flicka, kanske 15 år, kom in med en man i 40-årsåldern som talade för henne ("
                + run + ").";
        String answer = "Hon såg ut att vara 14 eller 15 år (" + run + ").";
        Map<String, Object> tip = hotelTip("YES", "SEXUAL", List.of("YOUNG_PERSON_WITH_OLDER_ADULT"),
                Map.of("name", "Hotell Stigberget", "streetAddress", "Stigbergsliden 9", "postalCode", "414 63",
                        "city", "Göteborg", "room", "207"));
        tip.put("description", description);
        Vaksam.Response submitted = vaksam.submitTip("hotel", "demo-hotel-key", tip);
        String tipId = accepted(submitted);
        String receiptCode = submitted.body().get("receiptCode").asString();
        JsonNode alert = awaitAlert(CLIENT, tipId);
        assertThat(alert.get("priority").asString()).isEqualTo("IMMEDIATE");
        assertThat(awaitAlert("police-demo", tipId).get("priority").asString()).isEqualTo("IMMEDIATE");
        String alertId = alert.get("alertId").asString();

        Path signals = Files.createTempDirectory("vaksam-inbox-pages-");
        CompletableFuture<JsonNode> browser = CompletableFuture.supplyAsync(() -> browse(alertId, description, answer,
                signals));
        boolean answered = false;
        try {
            String questionId = awaitQuestion(alertId, signals, browser);
            Awaitility.await("the question on the receipt").atMost(DELIVERY)
                    .until(() -> vaksam.receipt(receiptCode).body().get("messages"), messages -> messages.valueStream()
                            .anyMatch(m -> questionId.equals(m.get("messageId").asString())));
            Vaksam.Response sent = vaksam.answer(receiptCode, questionId, answer);
            assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
            Awaitility.await("the answer in the inbox").atMost(DELIVERY).pollInterval(Duration.ofMillis(500))
                    .until(() -> messages(alertId).stream()
                            .anyMatch(m -> "ANSWER".equals(m.get("direction").asString())));
            Files.writeString(signals.resolve("answered"), questionId);
            answered = true;
        } finally {
            if (!answered) {
                Files.writeString(signals.resolve("abort"), "the test failed");
            }
        }
        JsonNode result = browser.get(BROWSER.toSeconds() + 30, TimeUnit.SECONDS);

        BrowserRun.assertPagesPassed(result, STEPS, AXE_PAGES);
        JsonNode closed = vaksam.alertsForTip(CLIENT, tipId).get(0);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asString()).isEqualTo("ACTED");
        JsonNode openings = vaksam.get("auditor-demo", "/api/v1/audit/openings?alertId=" + alertId).body();
        assertThat(openings.valueStream().filter(o -> "social-children-worker".equals(o.get("subject").asString()))
                .map(o -> o.get("reason").asString())).contains("Barnärende e2e");
    }

    private static JsonNode browse(String alertId, String description, String answer, Path signals) {
        try {
            return BrowserRun.run("inbox-pages.mjs", stack.gatewayUrl(), BROWSER, Map.of(
                    "VAKSAM_ALERT_ID", alertId, "VAKSAM_DESCRIPTION", description, "VAKSAM_ANSWER", answer,
                    "VAKSAM_SIGNAL_DIR", signals.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /**
     * The id of the question the browser asks, once it says it has asked ({@code asked} in the signal folder), read as
     * the recipient's systems read it: the alert's messages.
     */
    private static String awaitQuestion(String alertId, Path signals, CompletableFuture<JsonNode> browser) {
        Awaitility.await("the browser's question on alert " + alertId).atMost(BROWSER)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (browser.isDone()) {
                        browser.join();
                        throw new AssertionError("the browser finished without asking");
                    }
                    return Files.exists(signals.resolve("asked"));
                });
        return messages(alertId).stream().filter(m -> "QUESTION".equals(m.get("direction").asString()))
                .map(m -> m.get("messageId").asString()).findFirst()
                .orElseThrow(() -> new AssertionError("the browser asked, but the alert has no question"));
    }

    /** The alert's messages; reading them opens them for the demo client, and that opening is audited too. */
    private static List<JsonNode> messages(String alertId) {
        Vaksam.Response response = vaksam.alert(CLIENT, alertId);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode messages = response.body().get("messages");
        return messages == null ? List.of() : messages.valueStream().toList();
    }
}
