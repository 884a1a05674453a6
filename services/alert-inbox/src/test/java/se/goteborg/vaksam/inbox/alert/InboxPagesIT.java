package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;

/**
 * The inbox pages on the running service, its real store, broker and registry, with people's tokens as the gateway
 * relays them: what a page opens is in the audit log and nothing more, a form sent twice stores and publishes once,
 * an answer arriving from the tipster shows on the next reading, and the auditor's page reads the same log.
 */
class InboxPagesIT extends InboxTestBase {

    static final String WORKER = TestTokens.token("social-children-worker", "SOCIAL_SERVICES_CHILDREN",
            List.of("RECIPIENT"));
    static final String LETTINGS_OFFICER = TestTokens.token("lettings-officer", "LETTINGS_GROUP",
            List.of("RECIPIENT", "LETTINGS"));
    static final String AUDITOR = TestTokens.token("auditor", null, List.of("AUDITOR"));

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aCaseWorkerWorksAnAlertThroughThePagesAndEveryOpeningAndFormIsRecordedOnce(CapturedOutput log) {
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.SOCIAL_SERVICES_CHILDREN);
        publish(AlertEvents.hotel(tipId, Recipient.SOCIAL_SERVICES_CHILDREN,
                        AlertEvents.seal(SEALER, tipId, "Flicka kanske 15 med en man", "nattportier 031-000000"))
                .setPriority(Priority.IMMEDIATE).setReasons(List.of("SUSPECTED_MINOR"))
                .setSuspectedMinor(SuspectedMinor.YES).build());
        awaitListed(WORKER, alertId);
        PageBrowser worker = browser(WORKER);
        String path = "/inbox/alerts/" + alertId;

        HtmlPage list = worker.get("/inbox?priority=IMMEDIATE");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text("#alerts tr[data-alert-id=" + alertId + "] .priority")).isEqualTo("Omedelbar");

        HtmlPage summary = worker.get(path);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.html().select("#details")).isEmpty();
        assertThat(openings(alertId)).as("viewing opens nothing").isEmpty();

        HtmlPage opened = worker.get(path + "?open=true&reason={reason}", "Barnärende 4711");
        assertThat(opened.text("#details-description")).isEqualTo("Flicka kanske 15 med en man");
        assertThat(opened.text("#details-contact")).isEqualTo("nattportier 031-000000");
        assertThat(opened.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(openings(alertId)).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("subject", "social-children-worker").containsEntry("reason", "Barnärende 4711")
                .containsEntry("opened", List.of("DETAILS")));

        MultiValueMap<String, String> question = opened.form("#question-form");
        question.set("text", "Hur många personer såg du?");
        for (int sent = 0; sent < 2; sent++) {
            HtmlPage answered = worker.post(path + "/questions", question);
            assertThat(answered.status()).isEqualTo(303);
            assertThat(answered.headers().getLocation().getQuery()).contains("open=true", "done=question");
        }
        MultiValueMap<String, String> note = opened.form("#note-form");
        note.set("text", "Ringt hotellet, de bekräftar.");
        assertThat(worker.post(path + "/notes", note).status()).isEqualTo(303);
        assertThat(worker.post(path + "/notes", note).status()).isEqualTo(303);
        assertThat(FollowUps.of(stored(alertId))).as("one question for a form sent twice").hasSize(1);
        assertThat(Notes.of(stored(alertId))).as("one note for a form sent twice").hasSize(1);
        awaitOutboxEmpty(alertId);
        assertThat(followUps(tipId)).as("the question published once").hasSize(1);
        String questionId = FollowUps.of(stored(alertId)).get(0).messageId();
        assertThat(followUps(tipId).get(0).value().getMessageId()).isEqualTo(questionId);
        assertThat(stored(alertId).toJson()).as("sealed at rest").doesNotContain("Hur många", "Ringt hotellet");

        publisher.publish(Topics.FOLLOW_UP_MESSAGE, tipId, AlertEvents.answer(SEALER, tipId, alertId,
                Recipient.SOCIAL_SERVICES_CHILDREN, "Två personer")).block(DEADLINE);
        Awaitility.await("the answer stored").atMost(DEADLINE).until(() -> FollowUps.of(stored(alertId)).size() == 2);

        HtmlPage again = worker.get(path + "?open=true&reason={reason}", "Barnärende 4711");
        assertThat(again.html().select("#messages li").eachAttr("data-direction")).containsExactly("QUESTION", "ANSWER");
        assertThat(again.text("#messages")).contains("Hur många personer såg du?", "Två personer");
        assertThat(again.text("#notes")).contains("Ringt hotellet, de bekräftar.");
        assertThat(openings(alertId)).hasSize(2);

        HtmlPage acknowledged = worker.post(path + "/acknowledge", again.form("#acknowledge-form"));
        assertThat(acknowledged.status()).isEqualTo(303);
        assertThat(stored(alertId).getString(AlertDocuments.STATE)).isEqualTo("ACKNOWLEDGED");
        assertThat(worker.post(path + "/acknowledge", again.form("#acknowledge-form")).status()).isEqualTo(303);

        MultiValueMap<String, String> outcome = summaryAfter(worker, path).form("#outcome-form");
        outcome.set("outcome", "ACTED");
        assertThat(worker.post(path + "/outcome", outcome).status()).isEqualTo(303);
        assertThat(worker.post(path + "/outcome", outcome).status()).as("the same outcome again").isEqualTo(303);
        outcome.set("outcome", "NO_ACTION");
        HtmlPage conflict = worker.post(path + "/outcome", outcome);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("#conflict")).contains("Åtgärdat");
        awaitOutboxEmpty(alertId);
        assertThat(statusChanges(alertId)).extracting(r -> r.value().getStatus())
                .containsExactly(AlertStatus.ACKNOWLEDGED, AlertStatus.OUTCOME_RECORDED);

        HtmlPage audit = browser(AUDITOR).get("/inbox/audit?alertId={id}", alertId);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.html().select("#openings tbody tr[data-subject=social-children-worker]")).hasSize(2);
        assertThat(audit.text("#openings")).contains("Barnärende 4711");
        String csv = client().get().uri(audit.html().selectFirst("#audit-csv").attr("href"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + AUDITOR).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines()).hasSize(3).last().asString().contains(alertId, "social-children-worker", "Barnärende 4711");
        assertThat(openings(alertId)).as("reading the log opens nothing").hasSize(2);
        assertThat(log.getAll()).as("no free text in the log").doesNotContain("Flicka", "nattportier", "Hur många",
                "Ringt hotellet", "Två personer", "Barnärende");
    }

    @Test
    void theLettingsGroupAsksNoQuestionsAndAnotherOrganisationsAlertIsNotFound() {
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.LETTINGS_GROUP);
        publish(AlertEvents.hotel(tipId, Recipient.LETTINGS_GROUP, null).setPriority(Priority.NORMAL)
                .setReasons(List.of("CITY_LET_PREMISES")).build());
        awaitListed(LETTINGS, alertId);
        PageBrowser officer = browser(LETTINGS_OFFICER);
        String path = "/inbox/alerts/" + alertId;

        HtmlPage page = officer.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#question-form")).isEmpty();
        MultiValueMap<String, String> form = page.form("#note-form");
        form.set("text", "Vad såg du?");
        HtmlPage refused = officer.post(path + "/questions", form);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("h1")).isEqualTo("Du har inte behörighet");
        assertThat(FollowUps.of(stored(alertId))).isEmpty();

        HtmlPage elsewhere = browser(WORKER).get(path);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.text("h1")).isEqualTo("Sidan finns inte");

        form.remove("_csrf");
        form.set("text", "Ingen token");
        HtmlPage stale = officer.post(path + "/notes", form);
        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.text("h1")).isEqualTo("Formuläret har gått ut");
        assertThat(Notes.of(stored(alertId))).isEmpty();
    }

    /** The alert as it is now, without opening anything. */
    private static HtmlPage summaryAfter(PageBrowser browser, String path) {
        return browser.get(path);
    }

    private PageBrowser browser(String token) {
        return new PageBrowser(client().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }
}
