package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.MultiValueMap;

import se.goteborg.vaksam.network.NetworkCoordinationApplication;
import se.goteborg.vaksam.testsupport.MutableClockConfiguration;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;
import se.goteborg.vaksam.web.page.PageDates;

/**
 * The coordinators' bulletin pages on the running service, with people's tokens as the gateway relays them: a form
 * error comes back with what was typed and a message per field, a form sent twice schedules once, a scheduled
 * bulletin is edited in Swedish time, e-mails that the SMTP server refused are shown as failed (in words, not colour
 * alone) until the retry button sends them (the service stays healthy meanwhile), and anyone but a coordinator is
 * refused with a page.
 */
// Closed after the class, so its listeners and sweep do not go on beside another class's context.
@DirtiesContext
@SpringBootTest(classes = {NetworkCoordinationApplication.class, MutableClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.mongo.database=network-bulletin-pages-it", "vaksam.security.issuer=" + TestTokens.ISSUER,
                "vaksam.network.bulletins.sweep-interval=1h",
                "vaksam.network.bulletins.retries.initial-interval=1m",
                "vaksam.network.bulletins.retries.max-attempts=2"})
class BulletinPagesIT extends BulletinTestBase {

    static final String COORDINATOR = TestTokens.token("coordinator", null, List.of("COORDINATOR"));
    static final String POLICE_OFFICER = TestTokens.token("police-officer", "POLICE", List.of("RECIPIENT"));

    @Test
    void aCoordinatorWritesABulletinAndAFormErrorComesBackWithAMessagePerField() {
        String venueAddress = address("venue");
        String venue = member("VENUE", "Scen Sydväst", "SYDVAST", venueAddress);
        PageBrowser coordinator = browser(COORDINATOR);

        HtmlPage empty = coordinator.get("/network/bulletins/new");
        assertThat(empty.status()).isEqualTo(200);
        empty.assertWellFormed();
        MultiValueMap<String, String> form = empty.form("#bulletin-form");
        form.set("titleEn", "Fair week");
        form.set("bodySv", "Mässveckan börjar.\n\nVar uppmärksam.");
        form.set("bodyEn", "The fair week starts.\n\nKeep your eyes open.");
        form.add("memberTypes", "VENUE");
        form.add("districts", "SYDVAST");
        form.set("expiresAt", local(Duration.ofHours(-1)));

        HtmlPage refused = coordinator.post("/network/bulletins", form);
        assertThat(refused.status()).isEqualTo(400);
        refused.assertWellFormed();
        assertThat(refused.html().select("#error-summary a").eachAttr("href"))
                .containsExactly("#titleSv", "#expiresAt");
        assertThat(refused.text("#titleSv-error"))
                .isEqualTo("Skriv en rubrik på svenska, en rad på högst 120 tecken.");
        assertThat(refused.text("#expiresAt-error")).startsWith("Ange när utskicket slutar visas");
        assertThat(refused.html().selectFirst("#titleSv").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.html().selectFirst("#titleEn").val()).isEqualTo("Fair week");
        assertThat(refused.html().selectFirst("#bodyEn").val())
                .isEqualTo("The fair week starts.\n\nKeep your eyes open.");
        assertThat(refused.html().selectFirst("#memberTypes-VENUE").hasAttr("checked")).isTrue();
        assertThat(refused.html().selectFirst("#memberTypes-HOTEL").hasAttr("checked")).isFalse();
        assertThat(refused.html().select("#titleEn-error, #bodySv-error")).as("only the fields at fault").isEmpty();

        MultiValueMap<String, String> fixed = refused.form("#bulletin-form");
        fixed.set("titleSv", "Mässveckan");
        fixed.set("expiresAt", local(Duration.ofDays(7)));
        HtmlPage created = coordinator.post("/network/bulletins", fixed);
        assertThat(created.status()).isEqualTo(303);
        String bulletinId = fixed.getFirst("submissionId");
        assertThat(created.headers().getLocation()).hasToString("/network/bulletins/" + bulletinId + "?done=created");
        assertThat(coordinator.post("/network/bulletins", fixed).status()).as("the same form again").isEqualTo(303);

        awaitDelivery(bulletinId, venue, Map.of("status", "SENT"));
        HtmlPage detail = coordinator.get(created.headers().getLocation().toString());
        assertThat(detail.status()).isEqualTo(200);
        detail.assertWellFormed();
        assertThat(detail.text("#done")).isEqualTo("Utskicket är schemalagt.");
        assertThat(detail.text("#bulletin-status")).isEqualTo("Publicerat");
        assertThat(detail.text("#bulletin-member-types")).isEqualTo("Nöjesställe");
        assertThat(detail.text("#bulletin-districts")).isEqualTo("Sydväst");
        assertThat(detail.html().select("section[lang=en] p.body").eachText())
                .containsExactly("The fair week starts.", "Keep your eyes open.");
        assertThat(detail.text("#deliveries tr[data-member-id=" + venue + "]")).contains("Scen Sydväst", "Skickad");
        assertThat(detail.html().select("#withdraw-form")).hasSize(1);
        assertThat(detail.html().select("#retry-form, #edit-bulletin")).isEmpty();
        assertThat(SMTP.to(venueAddress)).as("one e-mail for a form sent twice").hasSize(1);

        HtmlPage list = coordinator.get("/network/bulletins");
        assertThat(list.html().select("#bulletins tr[data-bulletin-id=" + bulletinId + "]")).hasSize(1);
        assertThat(list.text("#bulletins tr[data-bulletin-id=" + bulletinId + "]"))
                .contains("Mässveckan", "Publicerat");
        list.assertWellFormed();

        HtmlPage withdrawn = coordinator.post("/network/bulletins/" + bulletinId + "/withdraw",
                detail.form("#withdraw-form"));
        assertThat(withdrawn.status()).isEqualTo(303);
        HtmlPage after = coordinator.get(withdrawn.headers().getLocation().toString());
        assertThat(after.text("#bulletin-status")).isEqualTo("Tillbakadraget");
        assertThat(after.html().select("#withdraw-form")).isEmpty();
    }

    @Test
    void aScheduledBulletinIsEditedInSwedishTimeOnItsFormUntilItIsCancelled() {
        Instant publishAt = clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        String bulletinId = (String) create(bulletin("Planerat", List.of(), List.of("NORDOST"), publishAt,
                publishAt.plus(Duration.ofDays(1)))).get("bulletinId");
        PageBrowser coordinator = browser(COORDINATOR);

        HtmlPage detail = coordinator.get("/network/bulletins/{id}", bulletinId);
        assertThat(detail.text("#bulletin-status")).isEqualTo("Schemalagt");
        assertThat(detail.html().select("#edit-bulletin, #cancel-form")).hasSize(2);
        assertThat(detail.html().select("#withdraw-form")).isEmpty();
        assertThat(detail.text("#bulletin-member-types")).isEqualTo("Alla typer");

        HtmlPage edit = coordinator.get("/network/bulletins/{id}/edit", bulletinId);
        assertThat(edit.status()).isEqualTo(200);
        edit.assertWellFormed();
        assertThat(edit.html().selectFirst("#publishAt").val())
                .isEqualTo(LocalDateTime.ofInstant(publishAt, PageDates.CITY_TIME).toString());
        assertThat(edit.html().selectFirst("#titleSv").val()).isEqualTo("Planerat (sv)");
        assertThat(edit.html().selectFirst("#districts-NORDOST").hasAttr("checked")).isTrue();
        MultiValueMap<String, String> form = edit.form("#bulletin-form");
        form.set("titleSv", "Flyttat");
        String later = local(Duration.ofDays(1).plusHours(3));
        form.set("publishAt", later);
        HtmlPage saved = coordinator.post("/network/bulletins/" + bulletinId, form);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.headers().getLocation()).hasToString("/network/bulletins/" + bulletinId + "?done=edited");
        assertThat(read(bulletinId)).containsEntry("titleSv", "Flyttat").containsEntry("version", 1)
                .containsEntry("publishAt", LocalDateTime.parse(later).atZone(PageDates.CITY_TIME).toInstant()
                        .toString());
        HtmlPage stale = coordinator.post("/network/bulletins/" + bulletinId, form);
        assertThat(stale.status()).as("the form of version 0 again").isEqualTo(412);
        assertThat(stale.text("h1")).isEqualTo("Ändrat av någon annan");

        HtmlPage cancelled = coordinator.post("/network/bulletins/" + bulletinId + "/cancel",
                detail.form("#cancel-form"));
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(coordinator.get(cancelled.headers().getLocation().toString()).text("#bulletin-status"))
                .isEqualTo("Inställt");
        HtmlPage noLongerEditable = coordinator.get("/network/bulletins/{id}/edit", bulletinId);
        assertThat(noLongerEditable.status()).isEqualTo(303);
        assertThat(noLongerEditable.headers().getLocation()).hasToString("/network/bulletins/" + bulletinId);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void emailsTheServerRefusedAreShownAsFailedUntilTheRetryButtonSendsThem(CapturedOutput log) {
        String restaurantAddress = address("restaurant");
        String restaurant = member("RESTAURANT", "Krogen på Hisingen", "HISINGEN", restaurantAddress);
        String withoutAddress = member("RESTAURANT", "Krogen utan adress", "HISINGEN", null);
        SMTP.stop();
        try {
            String bulletinId = (String) create(bulletin("Stängt", List.of("RESTAURANT"), List.of("HISINGEN"), null,
                    clock.instant().plus(Duration.ofDays(3)))).get("bulletinId");
            awaitDelivery(bulletinId, restaurant, Map.of("status", "PENDING", "attempts", 1,
                    "lastError", "ConnectException"));
            clock.advance(Duration.ofMinutes(1));
            pass();
            awaitDelivery(bulletinId, restaurant, Map.of("status", "FAILED", "attempts", 2));

            PageBrowser coordinator = browser(COORDINATOR);
            HtmlPage page = coordinator.get("/network/bulletins/{id}", bulletinId);
            assertThat(page.status()).isEqualTo(200);
            page.assertWellFormed();
            Element failed = page.html().selectFirst("#deliveries tr[data-member-id=" + restaurant + "]");
            assertThat(failed.attr("data-status")).isEqualTo("FAILED");
            assertThat(failed.hasClass("problem")).isTrue();
            assertThat(failed.selectFirst(".flag").text()).as("in words, not colour alone").isEqualTo("! Misslyckades");
            assertThat(failed.selectFirst(".error-code").text()).isEqualTo("ConnectException");
            assertThat(page.text("#deliveries tr[data-member-id=" + withoutAddress + "]"))
                    .contains("Krogen utan adress", "Saknar e-postadress");
            assertThat(page.html().select("#deliveries tbody tr").eachAttr("data-member-id"))
                    .as("problems first").containsExactly(restaurant, withoutAddress);
            assertThat(page.text("#delivery-problems")).contains("1 misslyckades och 1 saknar e-postadress.");
            assertThat(log.getAll()).as("no address in the log").doesNotContain(restaurantAddress)
                    .contains("FAILED on attempt 2: ConnectException");
            client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");

            SMTP.start();
            HtmlPage retried = coordinator.post("/network/bulletins/" + bulletinId + "/retry",
                    page.form("#retry-form"));
            assertThat(retried.status()).isEqualTo(303);
            pass();
            awaitDelivery(bulletinId, restaurant, Map.of("status", "SENT", "attempts", 1));
            assertThat(SMTP.to(restaurantAddress)).hasSize(1);
            HtmlPage after = coordinator.get(retried.headers().getLocation().toString());
            assertThat(after.text("#done")).isEqualTo("E-posten skickas igen.");
            assertThat(after.text("#deliveries tr[data-member-id=" + restaurant + "]")).contains("Skickad");
            assertThat(after.html().select("#deliveries tr[data-member-id=" + restaurant + "] .flag")).isEmpty();
        } finally {
            SMTP.stop();
            SMTP.start();
        }
    }

    @Test
    void anyoneButACoordinatorIsRefusedWithAPageAndAFormWithoutItsTokenIsNotSaved() {
        for (String path : List.of("/network/bulletins", "/network/bulletins/new")) {
            HtmlPage page = browser(POLICE_OFFICER).get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.text("h1")).as(path).isEqualTo("Du har inte behörighet");
        }
        HtmlPage anonymous = new PageBrowser(client()).get("/network/bulletins");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("h1")).isEqualTo("Logga in");

        PageBrowser coordinator = browser(COORDINATOR);
        MultiValueMap<String, String> form = coordinator.get("/network/bulletins/new").form("#bulletin-form");
        form.remove("_csrf");
        form.set("titleSv", "Utan token");
        HtmlPage expired = coordinator.post("/network/bulletins", form);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.text("h1")).isEqualTo("Formuläret har gått ut");
    }

    @Test
    void thePagesAreInEnglishWhenAskedFor() {
        HtmlPage list = browser(COORDINATOR).get("/network/bulletins?lang=en");
        assertThat(list.html().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(list.text("h1")).isEqualTo("Bulletins");
        HtmlPage form = browser(COORDINATOR).get("/network/bulletins/new?lang=en");
        assertThat(form.text("label[for=titleSv]")).isEqualTo("Title in Swedish");
        assertThat(form.text("label[for=memberTypes-HOSTEL]")).isEqualTo("Hostel");
        form.assertWellFormed();
    }

    /** A {@code datetime-local} value in Swedish time, this far from the service's now. */
    private String local(Duration fromNow) {
        return LocalDateTime.ofInstant(clock.instant().plus(fromNow), PageDates.CITY_TIME)
                .truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
