package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static se.goteborg.vaksam.inbox.page.PageUsers.coordinator;
import static se.goteborg.vaksam.inbox.page.PageUsers.lettingsOfficer;
import static se.goteborg.vaksam.inbox.page.PageUsers.person;
import static se.goteborg.vaksam.inbox.page.PageUsers.socialChildrenWorker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;
import se.goteborg.vaksam.inbox.page.PageUsers;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;
import se.goteborg.vaksam.web.problem.ProblemAutoConfiguration;
import se.goteborg.vaksam.web.security.VaksamSecurityAutoConfiguration;

/**
 * The recipients' inbox pages on the web layer alone, the alert service behind them mocked: who may see them (tokens
 * as the gateway relays them, via {@code mockJwt()}), CSRF on every form, both languages, what each page shows and
 * that viewing opens nothing, and every form's way through: a redirect with a confirmation, or the form again with
 * what is wrong.
 */
@WebFluxTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "se\\.goteborg\\.vaksam\\.inbox\\.(config\\..*|page\\..*|alert\\.AlertPage.*)"))
@ImportAutoConfiguration({VaksamSecurityAutoConfiguration.class, ProblemAutoConfiguration.class})
class AlertPagesTest {

    private static final Instant CREATED = Instant.parse("2026-11-27T20:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-27T20:20:00Z");
    private static final String ID = "alert-1";
    private static final String PATH = "/inbox/alerts/" + ID;

    @Autowired WebTestClient client;
    @MockitoBean AlertService service;

    private final InboxCaller worker = new InboxCaller(Recipient.SOCIAL_SERVICES_CHILDREN, "social-children-worker",
            true);

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        when(service.list(any(), any())).thenReturn(Flux.just(summary(alert(AlertState.NEW))));
        when(service.summary(any(), anyString())).thenReturn(Mono.error(notFound()));
        when(service.summary(any(), eq(ID))).thenReturn(Mono.just(summary(alert(AlertState.NEW))));
    }

    @Test
    void theInboxListsTheOrganisationsAlertsInSwedishWithPriorityAsTextDeadlineAndMarks() {
        HtmlPage page = browser(socialChildrenWorker()).get("/inbox");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("sv");
        Element row = page.html().selectFirst("#alerts tbody tr[data-alert-id=" + ID + "]");
        assertThat(row).isNotNull();
        assertThat(row.selectFirst(".priority").text()).isEqualTo("Omedelbar");
        assertThat(row.text()).contains("Hotell Kvarnen, Kvarngatan 1", "Misstänkt minderårig",
                "Upprepade tips om samma lokal", "Hotell", "2026-11-27 20:30", "2026-11-27 21:00",
                "2026-11-27 21:15", "Försenad", "Eskalerad", "Ny");
        assertThat(row.selectFirst("a").attr("href")).isEqualTo(PATH);
        assertThat(page.text("#user-name")).isEqualTo("social-children-worker");
        assertThat(page.text("#user-organisation")).isEqualTo("Socialtjänsten, barn och unga");
        assertThat(page.html().select("form[action=/auth/logout] input")).as("the gateway's logout takes no fields")
                .isEmpty();
        assertThat(page.headers().getFirst("Content-Security-Policy")).isEqualTo(PageUsers.CSP);
        assertThat(page.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(page.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        page.assertWellFormed();
        ArgumentCaptor<InboxCaller> caller = ArgumentCaptor.forClass(InboxCaller.class);
        verify(service).list(caller.capture(), eq(AlertQuery.all(AlertQuery.DEFAULT_LIMIT)));
        assertThat(caller.getValue()).isEqualTo(worker);
    }

    @Test
    void englishIsChosenWithTheSwitchLinkOrTheBrowsersLanguageAndTheSwitchKeepsTheFilters() {
        PageBrowser browser = browser(socialChildrenWorker());
        HtmlPage english = browser.get("/inbox?lang=en&priority=IMMEDIATE");
        assertThat(english.html().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.text("h1")).isEqualTo("Alerts");
        assertThat(english.text("#alerts .priority")).isEqualTo("Immediate");
        assertThat(english.cookies()).containsKey("vaksam_lang");
        assertThat(english.html().selectFirst("a.lang").attr("href")).isEqualTo("/inbox?priority=IMMEDIATE&lang=sv");
        english.assertWellFormed();

        assertThat(browser.get("/inbox").text("h1")).as("remembered").isEqualTo("Alerts");
        assertThat(browser(socialChildrenWorker()).acceptLanguage("en-GB,en;q=0.8").get("/inbox").text("h1"))
                .isEqualTo("Alerts");
    }

    @Test
    void theFiltersBecomeTheListQueryAndAreShownAsChosen() {
        when(service.list(any(), any())).thenReturn(Flux.empty());

        HtmlPage page = browser(socialChildrenWorker())
                .get("/inbox?status=NEW&priority=IMMEDIATE&age=hour&overdue=true&escalated=true");

        assertThat(page.status()).isEqualTo(200);
        verify(service).list(any(), eq(new AlertQuery(Set.of(AlertState.NEW), Set.of(Priority.IMMEDIATE), true, true,
                null, Duration.ofHours(1), null, AlertQuery.DEFAULT_LIMIT)));
        assertThat(page.html().selectFirst("#status option[selected]").val()).isEqualTo("NEW");
        assertThat(page.html().selectFirst("#priority option[selected]").val()).isEqualTo("IMMEDIATE");
        assertThat(page.html().selectFirst("#age option[selected]").val()).isEqualTo("hour");
        assertThat(page.html().selectFirst("#overdue").hasAttr("checked")).isTrue();
        assertThat(page.text("#alerts-empty")).isEqualTo("Inga larm passar filtren.");
        assertThat(page.html().select("#filter-clear")).hasSize(1);
        page.assertWellFormed();

        browser(socialChildrenWorker()).get("/inbox?age=older");
        verify(service).list(any(), eq(new AlertQuery(Set.of(), Set.of(), null, null, Duration.ofDays(7), null, null,
                AlertQuery.DEFAULT_LIMIT)));
    }

    @Test
    void anEmptyInboxSaysSo() {
        when(service.list(any(), any())).thenReturn(Flux.empty());

        HtmlPage page = browser(socialChildrenWorker()).get("/inbox");

        assertThat(page.text("#alerts-empty")).contains("Inkorgen är tom");
        assertThat(page.html().select("#alerts")).isEmpty();
    }

    @Test
    void anInvalidFilterIsShownOnTheFormAndListsNothing() {
        HtmlPage page = browser(socialChildrenWorker()).get("/inbox?status=LOST&age=century");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html().select("#error-summary a").eachAttr("href"))
                .containsExactlyInAnyOrder("#status", "#age");
        assertThat(page.html().selectFirst("#status").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.html().selectFirst("#age").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.html().select("#alerts")).isEmpty();
        page.assertWellFormed();
        verify(service, never()).list(any(), any());
    }

    @Test
    void withoutATokenThePageSaysToLogIn() {
        HtmlPage page = new PageBrowser(client).get("/inbox");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.text("h1")).isEqualTo("Logga in");
        page.assertWellFormed();
    }

    @Test
    void peopleWhoAreNoRecipientsCaseWorkersAreRefusedWithAPage() {
        for (var who : List.of(PageUsers.auditor(), coordinator(), person("someone", null, "RECIPIENT"))) {
            for (String path : List.of("/inbox", PATH)) {
                HtmlPage page = browser(who).get(path);
                assertThat(page.status()).as(path).isEqualTo(403);
                assertThat(page.text("h1")).as(path).isEqualTo("Du har inte behörighet");
                page.assertWellFormed();
            }
        }
        verify(service, never()).list(any(), any());
        verify(service, never()).summary(any(), any());
    }

    @Test
    void anotherOrganisationsAlertIsNotFoundLikeAMissingOne() {
        HtmlPage page = browser(socialChildrenWorker()).get("/inbox/alerts/someone-elses");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text("h1")).isEqualTo("Sidan finns inte");
        page.assertWellFormed();
    }

    @Test
    void theStyleSheetNeedsNoLogin() {
        client.get().uri("/inbox/assets/inbox.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void theAlertShowsTheRoutingFactsAndHistoryButOpensNothing() {
        when(service.summary(any(), eq(ID))).thenReturn(Mono.just(summary(changed(alert(AlertState.ACKNOWLEDGED)))));

        HtmlPage page = browser(socialChildrenWorker()).get(PATH);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#alert-priority")).isEqualTo("Hög");
        assertThat(page.text("#alert-status")).isEqualTo("Kvitterad");
        assertThat(page.text("#alert-escalation")).isEqualTo("Eskalerat till socialjouren-vast kl. 2026-11-27 21:15.");
        assertThat(page.text("#alert-acknowledged")).contains("2026-11-27 21:18", "social-children-worker");
        assertThat(page.text("#alert-minor")).isEqualTo("Ja");
        assertThat(page.html().select("#alert-indicators li").eachText())
                .containsExactly("Ung person med äldre vuxen", "Någon talar för personen");
        assertThat(page.text("#premises-match")).isEqualTo("Trolig (80 %)");
        assertThat(page.text("#premises-risk")).contains("Förhöjd", "3 tips de senaste 30 dygnen, 4 de senaste 90");
        assertThat(page.text("#priority-suggested")).isEqualTo(
                "Föreslagen av dirigeringen: Omedelbar, eftersom: Misstänkt minderårig; Upprepade tips om samma lokal.");
        assertThat(page.text("#priority-changed")).isEqualTo("Ni arbetar efter prioriteten Hög.");
        assertThat(page.html().select("#history tbody tr").eachAttr("data-kind"))
                .containsExactly("received", "escalated", "acknowledged", "priorityChanged");
        assertThat(page.text("#history")).contains("Prioriteten ändrad från Omedelbar till Hög");
        assertThat(page.html().select("#acknowledge-form")).as("acknowledged already").isEmpty();
        assertThat(page.html().select("#details, #messages, #notes")).as("nothing opened").isEmpty();
        Element open = page.html().selectFirst("#open-form");
        assertThat(open.attr("method")).isEqualTo("get");
        assertThat(open.attr("action")).isEqualTo(PATH);
        assertThat(open.selectFirst("input[type=hidden][name=open]").val()).isEqualTo("true");
        assertThat(open.select("#reason[name=reason]")).hasSize(1);
        for (String form : List.of("#question-form", "#note-form", "#outcome-form", "#priority-form")) {
            assertThat(page.html().selectFirst(form + " input[name=_csrf]")).as(form).isNotNull();
            assertThat(page.html().select(form + " input[name=open]")).as(form).isEmpty();
        }
        assertThat(page.html().select("#outcome-form input[type=radio]").eachAttr("value"))
                .containsExactly("ACTED", "PASSED_ON", "INSUFFICIENT", "NO_ACTION", "CLOSED");
        assertThat(page.headers().getCacheControl()).isEqualTo("no-store");
        page.assertWellFormed();
        verify(service, never()).read(any(), any(), any());
    }

    @Test
    void aTaxiAlertShowsTheTrip() {
        Alert taxi = AlertDocuments.alert(AlertEvents.stored(AlertEvents.taxi("tip-2", Recipient.POLICE)
                .setAlertId(ID).build()));
        when(service.summary(any(), eq(ID))).thenReturn(Mono.just(summary(taxi)));

        HtmlPage page = browser(PageUsers.policeOfficer()).get(PATH);

        assertThat(page.text("h1")).isEqualTo("Larm: Centralstationen → Industrivägen 4");
        assertThat(page.text("#trip")).contains("Centralstationen, 2026-11-27 20:30", "Industrivägen 4", "2", "ABC123");
        assertThat(page.html().select("#premises")).isEmpty();
        page.assertWellFormed();
    }

    @Test
    void openingTheDetailsWithAReasonShowsThemTheMessagesAndNotesAndSaysItWasRecorded() {
        when(service.read(any(), eq(ID), eq("Utredning 4711"))).thenReturn(Mono.just(
                new AlertService.Reading(opened(alert(AlertState.NEW)), true)));

        HtmlPage page = browser(socialChildrenWorker()).get(PATH + "?open=true&reason=Utredning 4711");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#opening-recorded")).isEqualTo("Öppnandet är loggat med skälet: Utredning 4711");
        assertThat(page.text("#details-description")).isEqualTo("Flicka, kanske 15, med en man i 40-årsåldern.");
        assertThat(page.text("#details-contact")).isEqualTo("nattportier, 031-00 00 00");
        assertThat(page.html().select("#messages li").eachAttr("data-direction")).containsExactly("QUESTION", "ANSWER");
        assertThat(page.text("#messages")).contains("Hur många personer?", "Två");
        assertThat(page.text("#notes")).contains("Ringt hotellet.", "social-children-worker");
        assertThat(page.html().select("#open-form")).isEmpty();
        for (String form : List.of("#acknowledge-form", "#question-form", "#note-form", "#outcome-form",
                "#priority-form")) {
            assertThat(page.html().selectFirst(form + " input[name=open]").val()).as(form).isEqualTo("true");
            assertThat(page.html().selectFirst(form + " input[name=reason]").val()).as(form).isEqualTo("Utredning 4711");
        }
        assertThat(page.headers().getCacheControl()).as("opened content is never cached").isEqualTo("no-store");
        assertThat(page.html().selectFirst("a.lang").attr("href")).as("the language switch opens nothing")
                .isEqualTo(PATH + "?lang=en");
        page.assertWellFormed();
        verify(service).read(eq(worker), eq(ID), eq("Utredning 4711"));
    }

    @Test
    void openingWhenThereIsNothingToOpenSaysNothingWasRecorded() {
        when(service.read(any(), eq(ID), eq(""))).thenReturn(Mono.just(new AlertService.Reading(
                summary(alert(AlertState.NEW)).withMessagesAndNotes(List.of(), List.of()), false)));

        HtmlPage page = browser(socialChildrenWorker()).get(PATH + "?open=true&reason=");

        assertThat(page.html().select("#opening-recorded")).isEmpty();
        assertThat(page.html().select("#opening-nothing")).hasSize(1);
        page.assertWellFormed();
    }

    @Test
    void aTooLongReasonIsShownOnTheOpenFormAndOpensNothing() {
        HtmlPage page = browser(socialChildrenWorker()).get(PATH + "?open=true&reason=" + "x".repeat(201));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html().select("#error-summary a[href=#reason]")).hasSize(1);
        assertThat(page.html().selectFirst("#reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.html().select("#details")).isEmpty();
        page.assertWellFormed();
        verify(service, never()).read(any(), any(), any());
    }

    @Test
    void theLettingsGroupSeesNoQuestionFormAndOpensOnlyItsNotes() {
        Alert premisesOnly = alert(AlertState.NEW, Recipient.LETTINGS_GROUP, false);
        when(service.summary(any(), eq(ID))).thenReturn(Mono.just(AlertView.summary(premisesOnly,
                new InboxCaller(Recipient.LETTINGS_GROUP, "lettings-officer", false), NOW)));

        HtmlPage page = browser(lettingsOfficer()).get(PATH);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#question-form")).isEmpty();
        assertThat(page.html().select("#note-form")).hasSize(1);
        assertThat(page.text("#open-submit")).isEqualTo("Öppna anteckningarna");
        page.assertWellFormed();
    }

    @Test
    void acknowledgingLeadsBackToTheAlertWithAConfirmation() {
        when(service.acknowledge(any(), eq(ID))).thenReturn(Mono.just(summary(alert(AlertState.ACKNOWLEDGED))));
        PageBrowser browser = browser(socialChildrenWorker());
        HtmlPage alert = browser.get(PATH);

        HtmlPage sent = browser.post(PATH + "/acknowledge", alert.form("#acknowledge-form"));

        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.headers().getLocation()).hasToString(PATH + "?done=acknowledged");
        verify(service).acknowledge(worker, ID);
        HtmlPage confirmed = browser.get(sent.headers().getLocation());
        assertThat(confirmed.text("#confirmation")).isEqualTo("Larmet är kvitterat.");
        confirmed.assertWellFormed();
    }

    @Test
    void aFormPostedWithTheDetailsOpenLeadsBackToThemOpenForTheSameReason() {
        when(service.read(any(), eq(ID), anyString())).thenReturn(Mono.just(
                new AlertService.Reading(opened(alert(AlertState.NEW)), true)));
        when(service.acknowledge(any(), eq(ID))).thenReturn(Mono.just(summary(alert(AlertState.ACKNOWLEDGED))));
        PageBrowser browser = browser(socialChildrenWorker());
        HtmlPage alert = browser.get(PATH + "?open=true&reason={reason}", "Ärende 12/26 & mer");

        HtmlPage sent = browser.post(PATH + "/acknowledge", alert.form("#acknowledge-form"));

        assertThat(sent.status()).isEqualTo(303);
        assertThat(UriComponentsBuilder.fromUri(sent.headers().getLocation()).build().getQueryParams())
                .containsEntry("open", List.of("true")).containsEntry("done", List.of("acknowledged"))
                .containsEntry("reason", List.of("%C3%84rende%2012%2F26%20%26%20mer"));
        HtmlPage back = browser.get(sent.headers().getLocation());
        assertThat(back.text("#confirmation")).isEqualTo("Larmet är kvitterat.");
        assertThat(back.html().select("#details")).hasSize(1);
        verify(service, times(2)).read(any(), eq(ID), eq("Ärende 12/26 & mer"));
    }

    @Test
    void anOutcomeIsRecordedAndAMissingOneIsShownOnTheForm() {
        when(service.recordOutcome(any(), eq(ID), eq(Outcome.PASSED_ON)))
                .thenReturn(Mono.just(summary(alert(AlertState.CLOSED))));
        PageBrowser browser = browser(socialChildrenWorker());
        MultiValueMap<String, String> form = browser.get(PATH).form("#outcome-form");

        HtmlPage missing = browser.post(PATH + "/outcome", form);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.html().select("#error-summary a[href=#outcome-ACTED]")).hasSize(1);
        assertThat(missing.html().select("#outcome-error")).hasSize(1);
        missing.assertWellFormed();

        form.set("outcome", "PASSED_ON");
        HtmlPage sent = browser.post(PATH + "/outcome", form);
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.headers().getLocation()).hasToString(PATH + "?done=outcome");
        verify(service).recordOutcome(worker, ID, Outcome.PASSED_ON);
    }

    @Test
    void aDifferentOutcomeForAClosedAlertIsAConflictShownOnTheAlert() {
        when(service.recordOutcome(any(), eq(ID), any())).thenReturn(Mono.error(new ResponseStatusException(
                HttpStatus.CONFLICT, "closed")));
        PageBrowser browser = browser(socialChildrenWorker());
        MultiValueMap<String, String> form = browser.get(PATH).form("#outcome-form");
        form.set("outcome", "NO_ACTION");
        when(service.summary(any(), eq(ID))).thenReturn(Mono.just(summary(alert(AlertState.CLOSED))));

        HtmlPage refused = browser.post(PATH + "/outcome", form);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("#conflict")).isEqualTo(
                "Larmet är redan stängt med utfallet: Åtgärdat (insats, uppsökande, utredning). Utfallet kan inte ändras.");
        assertThat(refused.html().select("#outcome-form")).isEmpty();
        assertThat(refused.text("#alert-outcome")).contains("Åtgärdat");
        refused.assertWellFormed();
    }

    @Test
    void thePriorityIsChangedWithAReasonAndAnUnknownOneOrAConflictIsShown() {
        when(service.changePriority(any(), eq(ID), eq(Priority.NORMAL), eq("Vuxen enligt polisen")))
                .thenReturn(Mono.just(summary(alert(AlertState.NEW))));
        PageBrowser browser = browser(socialChildrenWorker());
        MultiValueMap<String, String> form = browser.get(PATH).form("#priority-form");
        assertThat(form.getFirst("priority")).as("the current priority is chosen").isEqualTo("IMMEDIATE");

        form.set("priority", "URGENT");
        HtmlPage unknown = browser.post(PATH + "/priority", form);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.html().select("#error-summary a[href=#priority]")).hasSize(1);
        unknown.assertWellFormed();

        form.set("priority", "NORMAL");
        form.set("reason", " Vuxen enligt polisen ");
        HtmlPage sent = browser.post(PATH + "/priority", form);
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.headers().getLocation()).hasToString(PATH + "?done=priority");
        verify(service).changePriority(worker, ID, Priority.NORMAL, "Vuxen enligt polisen");

        when(service.changePriority(any(), eq(ID), eq(Priority.HIGH), isNull())).thenReturn(Mono.error(
                new ResponseStatusException(HttpStatus.CONFLICT, "closed")));
        form.set("priority", "HIGH");
        form.set("reason", "");
        HtmlPage conflict = browser.post(PATH + "/priority", form);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("#conflict")).startsWith("Prioriteten kunde inte ändras");
    }

    @Test
    void aQuestionIsSentOncePerSubmissionAndAnEmptyOneIsShownOnTheFormAsTyped() {
        when(service.ask(any(), eq(ID), anyString(), anyString())).thenReturn(Mono.just("message-1"));
        PageBrowser browser = browser(socialChildrenWorker());
        MultiValueMap<String, String> form = browser.get(PATH).form("#question-form");
        String submission = form.getFirst("submissionId");
        assertThat(submission).matches("[0-9a-f-]{36}");

        form.set("text", "   ");
        HtmlPage empty = browser.post(PATH + "/questions", form);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.html().select("#error-summary a[href=#question-text]")).hasSize(1);
        assertThat(empty.html().selectFirst("#question-text").attr("aria-invalid")).isEqualTo("true");
        assertThat(empty.html().selectFirst("#question-form input[name=submissionId]").val())
                .as("the same submission").isEqualTo(submission);
        empty.assertWellFormed();

        form.set("text", "Hur många personer såg du?");
        HtmlPage sent = browser.post(PATH + "/questions", form);
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.headers().getLocation()).hasToString(PATH + "?done=question");
        verify(service).ask(worker, ID, "Hur många personer såg du?", submission);
        assertThat(browser.get(PATH + "?done=question").text("#confirmation")).startsWith("Frågan är skickad.");
    }

    @Test
    void aNoteIsSavedOncePerSubmissionAndATooLongOneKeepsWhatWasTyped() {
        when(service.addNote(any(), eq(ID), anyString(), anyString())).thenReturn(Mono.just("note-1"));
        PageBrowser browser = browser(socialChildrenWorker());
        MultiValueMap<String, String> form = browser.get(PATH).form("#note-form");

        String tooLong = "x".repeat(AlertRequests.MAX_NOTE_LENGTH + 1);
        form.set("text", tooLong);
        HtmlPage refused = browser.post(PATH + "/notes", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#error-summary a[href=#note-text]")).hasSize(1);
        assertThat(refused.html().selectFirst("#note-text").val()).isEqualTo(tooLong);
        refused.assertWellFormed();

        form.set("text", "Ringt hotellet.");
        HtmlPage sent = browser.post(PATH + "/notes", form);
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.headers().getLocation()).hasToString(PATH + "?done=note");
        verify(service).addNote(worker, ID, "Ringt hotellet.", form.getFirst("submissionId"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("text", "Hur många?");
        for (String action : List.of("acknowledge", "outcome", "priority", "questions", "notes")) {
            HtmlPage refused = browser(socialChildrenWorker()).post(PATH + "/" + action, form);
            assertThat(refused.status()).as(action).isEqualTo(403);
            assertThat(refused.text("h1")).as(action).isEqualTo("Formuläret har gått ut");
        }
        verify(service, never()).acknowledge(any(), any());
        verify(service, never()).ask(any(), any(), any(), any());
        verify(service, never()).addNote(any(), any(), any(), any());
    }

    @Test
    void aFormPostWithTheTokenButNoLoginSaysToLogIn() {
        HtmlPage page = new PageBrowser(client.mutateWith(csrf())).post(PATH + "/acknowledge",
                new LinkedMultiValueMap<>());

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.headers().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("text/html");
        verify(service, never()).acknowledge(any(), any());
    }

    private PageBrowser browser(JwtMutator who) {
        return new PageBrowser(client.mutateWith(who));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such alert.");
    }

    private AlertView summary(Alert alert) {
        return AlertView.summary(alert, worker, NOW);
    }

    /** Opened as social services for children open it: description, contact, a question answered, a note. */
    private AlertView opened(Alert alert) {
        return AlertView.withDetails(alert, worker, NOW, DetailsState.OPENED,
                        new DetailsOpener.Details("Flicka, kanske 15, med en man i 40-årsåldern.",
                                "nattportier, 031-00 00 00"))
                .withMessagesAndNotes(List.of(
                                new MessageView("q-1", Direction.QUESTION, null, "Hur många personer?",
                                        Instant.parse("2026-11-27T20:12:00Z")),
                                new MessageView("a-1", Direction.ANSWER, null, "Två",
                                        Instant.parse("2026-11-27T20:16:00Z"))),
                        List.of(new NoteView("n-1", "Ringt hotellet.", "social-children-worker",
                                Instant.parse("2026-11-27T20:14:00Z"))));
    }

    private static Alert alert(AlertState state) {
        return alert(state, Recipient.SOCIAL_SERVICES_CHILDREN, true);
    }

    /**
     * An IMMEDIATE hotel alert about a possible minor at premises with repeat tips, received at 21:00 Swedish time,
     * due at 21:15 and escalated then; acknowledged at 21:18 and closed as ACTED when the state says so.
     */
    private static Alert alert(AlertState state, Recipient recipient, boolean sealedDetails) {
        boolean acknowledged = state != AlertState.NEW;
        boolean closed = state == AlertState.CLOSED;
        return new Alert(ID, "tip-1", recipient, Priority.IMMEDIATE, Priority.IMMEDIATE, state,
                List.of("SUSPECTED_MINOR", "REPEAT_PREMISES"), "v2", CREATED, CREATED, CREATED.plusMillis(40),
                CREATED.plusSeconds(900),
                Channel.HOTEL, Instant.parse("2026-11-27T19:30:00Z"),
                List.of("YOUNG_PERSON_WITH_OLDER_ADULT", "SOMEONE_SPEAKS_FOR_PERSON"), SuspectedMinor.YES, false,
                ExploitationType.SEXUAL,
                new Alert.Premises("Hotell Kvarnen", new Alert.Address("Kvarngatan 1", "411 01", "Göteborg"), "P-17",
                        "Higab", "HOTEL", false, MatchLevel.PROBABLE, 0.8, 3, 4, RiskLevel.ELEVATED),
                null, List.of(), sealedDetails,
                acknowledged ? CREATED.plusSeconds(1080) : null, acknowledged ? "social-children-worker" : null,
                closed ? Outcome.ACTED : null, closed ? CREATED.plusSeconds(1200) : null,
                closed ? "social-children-worker" : null, CREATED.plusSeconds(915), "socialjouren-vast", List.of());
    }

    /** The alert as it is once the worker has set HIGH instead of routing's IMMEDIATE. */
    private static Alert changed(Alert a) {
        return new Alert(a.alertId(), a.tipId(), a.recipient(), Priority.HIGH, a.suggestedPriority(), a.state(),
                a.reasons(), a.rulesVersion(), a.createdAt(), a.routedAt(), a.receivedAt(), a.acknowledgeBy(), a.channel(),
                a.observedAt(), a.indicators(), a.suspectedMinor(), a.immediateDanger(), a.exploitationType(),
                a.premises(), a.trip(), a.linkedTipIds(), a.hasSealedDetails(), a.acknowledgedAt(),
                a.acknowledgedBy(), a.outcome(), a.closedAt(), a.closedBy(), a.escalatedAt(), a.escalatedTo(),
                List.of(new Alert.PriorityChange(Priority.IMMEDIATE, Priority.HIGH,
                        CREATED.plusSeconds(1140), "social-children-worker")));
    }
}
