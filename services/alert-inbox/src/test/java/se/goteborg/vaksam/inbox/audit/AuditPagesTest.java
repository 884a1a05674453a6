package se.goteborg.vaksam.inbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static se.goteborg.vaksam.inbox.page.PageUsers.auditor;
import static se.goteborg.vaksam.inbox.page.PageUsers.person;
import static se.goteborg.vaksam.inbox.page.PageUsers.socialChildrenWorker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.inbox.page.PageUsers;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;
import se.goteborg.vaksam.web.problem.ProblemAutoConfiguration;
import se.goteborg.vaksam.web.security.VaksamSecurityAutoConfiguration;

/**
 * The auditors' page of the openings log and its CSV export at a page path, the log itself mocked: only auditors,
 * filters by organisation, alert and days in Swedish time (the API's query and checks), an organisation's auditor
 * kept to its own organisation.
 */
@WebFluxTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "se\\.goteborg\\.vaksam\\.inbox\\.(config\\..*|page\\..*|audit\\.(AuditPage.*|AuditHandler))"))
@ImportAutoConfiguration({VaksamSecurityAutoConfiguration.class, ProblemAutoConfiguration.class})
class AuditPagesTest {

    private static final Opening OPENING = new Opening("o-1", "alert-1", "tip-1", Recipient.SOCIAL_SERVICES_CHILDREN,
            "social-children-worker", Instant.parse("2026-11-27T20:05:00Z"), "Utredning 4711",
            List.of(Opening.Opened.DETAILS, Opening.Opened.NOTES), List.of(), List.of("n-1"));

    @Autowired WebTestClient client;
    @MockitoBean AuditLog log;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        when(log.find(any())).thenReturn(Flux.just(OPENING));
    }

    @Test
    void anAuditorReadsTheOpeningsNewestFirstInSwedishAndEnglish() {
        HtmlPage page = new PageBrowser(client.mutateWith(auditor())).get("/inbox/audit");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#openings tbody tr[data-alert-id=alert-1]")).contains("2026-11-27 21:05",
                "Socialtjänsten, barn och unga", "social-children-worker", "alert-1", "Tipsets uppgifter",
                "Interna anteckningar", "Utredning 4711");
        assertThat(page.html().selectFirst("#audit-csv").attr("href")).isEqualTo("/inbox/audit/openings.csv");
        assertThat(page.html().select("nav a").eachAttr("href")).as("no inbox for an auditor")
                .containsExactly("/inbox/audit");
        assertThat(page.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(page.headers().getFirst("Content-Security-Policy")).isEqualTo(PageUsers.CSP);
        page.assertWellFormed();
        verify(log).find(new AuditQuery(null, null, null, null, null, null, AuditHandler.MAX_LISTED));

        HtmlPage english = new PageBrowser(client.mutateWith(auditor())).get("/inbox/audit?lang=en");
        assertThat(english.text("h1")).isEqualTo("Openings log");
        assertThat(english.text("#openings")).contains("The tip's details");
        english.assertWellFormed();
    }

    @Test
    void theFiltersSelectWholeDaysInSwedishTimeAndTheCsvLinkTakesTheSameSelection() {
        HtmlPage page = new PageBrowser(client.mutateWith(auditor()))
                .get("/inbox/audit?recipient=POLICE&alertId=alert-1&from=2026-11-27&to=2026-11-28");

        assertThat(page.status()).isEqualTo(200);
        verify(log).find(new AuditQuery(Recipient.POLICE, "alert-1", null, null,
                Instant.parse("2026-11-26T23:00:00Z"), Instant.parse("2026-11-28T23:00:00Z"), AuditHandler.MAX_LISTED));
        assertThat(page.html().selectFirst("#recipient option[selected]").val()).isEqualTo("POLICE");
        assertThat(page.html().selectFirst("#from").val()).isEqualTo("2026-11-27");
        assertThat(page.html().selectFirst("#audit-csv").attr("href")).isEqualTo("/inbox/audit/openings.csv"
                + "?recipient=POLICE&alertId=alert-1&from=2026-11-26T23:00:00Z&to=2026-11-28T23:00:00Z");
    }

    @Test
    void aBadDayOrAnEndBeforeTheStartIsShownOnTheForm() {
        HtmlPage page = new PageBrowser(client.mutateWith(auditor())).get("/inbox/audit?from=27/11&to=2026-11-28");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html().select("#error-summary a[href=#from]")).hasSize(1);
        assertThat(page.html().select("#audit-csv, #openings")).isEmpty();
        page.assertWellFormed();

        HtmlPage backwards = new PageBrowser(client.mutateWith(auditor())).get("/inbox/audit?from=2026-11-28&to=2026-11-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.html().select("#error-summary a[href=#to]")).hasSize(1);
        verify(log, never()).find(any());
    }

    @Test
    void anOrganisationsAuditorSeesOnlyItsOwnOrganisation() {
        HtmlPage page = new PageBrowser(client.mutateWith(person("police-auditor", "POLICE", "AUDITOR")))
                .get("/inbox/audit");

        assertThat(page.text("#audit-own")).contains("Polisen");
        assertThat(page.html().select("#recipient")).isEmpty();
        verify(log).find(new AuditQuery(Recipient.POLICE, null, null, null, null, null, AuditHandler.MAX_LISTED));

        HtmlPage other = new PageBrowser(client.mutateWith(person("police-auditor", "POLICE", "AUDITOR")))
                .get("/inbox/audit?recipient=MIKAMOTTAGNINGEN");
        assertThat(other.status()).isEqualTo(400);
    }

    @Test
    void theCsvExportIsServedAtThePagePathUncached() {
        String csv = client.mutateWith(auditor()).get().uri("/inbox/audit/openings.csv?alertId=alert-1").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\".+\\.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(csv.lines().toList()).containsExactly(
                "openedAt,recipient,subject,alertId,tipId,opened,reason,messageIds,noteIds",
                "2026-11-27T20:05:00Z,SOCIAL_SERVICES_CHILDREN,social-children-worker,alert-1,tip-1,DETAILS;NOTES,"
                        + "Utredning 4711,,n-1");
    }

    @Test
    void onlyAuditorsReadTheLog() {
        for (var path : List.of("/inbox/audit", "/inbox/audit/openings.csv")) {
            HtmlPage refused = new PageBrowser(client.mutateWith(socialChildrenWorker())).get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.text("h1")).as(path).isEqualTo("Du har inte behörighet");
            assertThat(new PageBrowser(client).get(path).status()).as(path).isEqualTo(401);
        }
        verify(log, never()).find(any());
    }
}
