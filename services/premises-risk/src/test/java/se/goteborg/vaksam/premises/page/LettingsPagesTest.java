package se.goteborg.vaksam.premises.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.premises.notice.ActionRequest;
import se.goteborg.vaksam.premises.notice.LandlordAction;
import se.goteborg.vaksam.premises.notice.Notice;
import se.goteborg.vaksam.premises.notice.NoticeAction;
import se.goteborg.vaksam.premises.notice.NoticeService;
import se.goteborg.vaksam.premises.notice.NoticeStatus;
import se.goteborg.vaksam.premises.notice.NoticeTip;
import se.goteborg.vaksam.premises.register.LettingsRegisterRepository.ImportResult;
import se.goteborg.vaksam.premises.register.PremisesMatch;
import se.goteborg.vaksam.premises.register.PremisesMatcher;
import se.goteborg.vaksam.premises.register.RegisterEntry;
import se.goteborg.vaksam.premises.register.RegisterImports;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;
import se.goteborg.vaksam.web.problem.ProblemAutoConfiguration;
import se.goteborg.vaksam.web.security.VaksamSecurityAutoConfiguration;

/**
 * The lettings pages on the web layer alone, the notices, register and matcher behind them mocked: who may see them
 * (tokens as the gateway relays them, via {@code mockJwt()}), CSRF on every form post including the multipart upload,
 * both languages, and what each page shows.
 */
@WebFluxTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "se\\.goteborg\\.vaksam\\.premises\\.(page|config)\\..*"))
@ImportAutoConfiguration({VaksamSecurityAutoConfiguration.class, ProblemAutoConfiguration.class})
class LettingsPagesTest {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Instant KNOWN_SINCE = Instant.parse("2026-11-20T09:15:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    @Autowired WebTestClient client;
    @MockitoBean NoticeService notices;
    @MockitoBean RegisterImports imports;
    @MockitoBean PremisesMatcher matcher;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        when(notices.today()).thenReturn(TODAY);
        when(notices.list()).thenReturn(Mono.just(List.of(notice(NoticeStatus.AWAITING_ACTION).summary())));
        when(notices.get(anyString())).thenReturn(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
        when(notices.get("GBG-L-0001")).thenReturn(Mono.just(notice(NoticeStatus.AWAITING_ACTION)));
    }

    static JwtMutator lettingsUser() {
        return mockJwt().jwt(jwt -> jwt.subject("lettings-officer").claim("recipient", "LETTINGS_GROUP")
                        .claim("roles", List.of("LETTINGS")))
                .authorities(new SimpleGrantedAuthority("ROLE_LETTINGS"));
    }

    static JwtMutator policeOfficer() {
        return mockJwt().jwt(jwt -> jwt.subject("police-officer").claim("recipient", "POLICE")
                        .claim("roles", List.of("RECIPIENT")))
                .authorities(new SimpleGrantedAuthority("ROLE_RECIPIENT"));
    }

    @Test
    void theFlaggedPremisesAreListedInSwedishWithTheUserAndALogoutForm() {
        HtmlPage page = get(client.mutateWith(lettingsUser()), "/lettings");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.html().select("#notices tbody tr[data-premises-id=GBG-L-0001]")).hasSize(1);
        assertThat(page.text("#notices tbody tr")).contains("Kungsgatan 12", "Higab AB", "Förhöjd", "Väntar på åtgärd",
                "2026-11-20 10:15");
        assertThat(page.text("#user-name")).isEqualTo("lettings-officer");
        Element logout = page.html().selectFirst("form[action=/auth/logout]");
        assertThat(logout).isNotNull();
        assertThat(logout.attr("method")).isEqualTo("post");
        assertThat(logout.select("input")).as("the gateway's logout takes no fields").isEmpty();
        assertThat(page.headers().getFirst("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(page.headers().getCacheControl()).isEqualTo("no-store");
        page.assertWellFormed();
    }

    @Test
    void englishIsChosenWithTheSwitchLinkAndRemembered() {
        WebTestClient user = client.mutateWith(lettingsUser());
        HtmlPage english = get(user, "/lettings?lang=en");
        assertThat(english.html().selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.text("h1")).isEqualTo("Flagged premises");
        assertThat(english.cookies()).containsKey("vaksam_lang");

        HtmlPage remembered = get(user.mutate().defaultCookie("vaksam_lang", "en").build(), "/lettings");
        assertThat(remembered.text("h1")).isEqualTo("Flagged premises");
    }

    @Test
    void withoutATokenThePageSaysToLogIn() {
        HtmlPage page = get(client, "/lettings");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.text("h1")).isEqualTo("Logga in");
        page.assertWellFormed();
    }

    @Test
    void someoneWhoIsNotInTheLettingsGroupIsRefusedWithAPage() {
        for (String path : List.of("/lettings", "/lettings/notices/GBG-L-0001", "/lettings/register",
                "/lettings/match")) {
            HtmlPage page = get(client.mutateWith(policeOfficer()), path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.text("h1")).as(path).isEqualTo("Du har inte behörighet");
        }
        verify(notices, never()).list();
    }

    @Test
    void theStyleSheetNeedsNoLogin() {
        client.get().uri("/lettings/assets/lettings.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void theNoticeShowsItsDateOfKnowledgeTipsAndTheActionForm() {
        HtmlPage page = get(client.mutateWith(lettingsUser()), "/lettings/notices/GBG-L-0001");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#notice-known-since")).isEqualTo("2026-11-20 10:15");
        assertThat(page.text("#notice-tip-count")).isEqualTo("2");
        assertThat(page.html().select("#tips tbody tr")).hasSize(2);
        assertThat(page.text("#tips")).contains("Hotell", "Taxi", "Exakt", "Trolig");
        Element form = page.html().selectFirst("form:has(#action-submit)");
        assertThat(form.attr("action")).isEqualTo("/lettings/notices/GBG-L-0001/actions");
        assertThat(form.select("input[type=radio][name=action]")).extracting(input -> input.val())
                .containsExactly("TENANT_CONTACTED", "POLICE_INFORMED", "LEASE_TERMINATED", "NO_ACTION");
        assertThat(form.selectFirst("#takenOn").val()).isEqualTo("2026-11-27");
        assertThat(form.selectFirst("#takenOn").attr("min")).isEqualTo("2026-11-20");
        assertThat(form.selectFirst("input[name=submissionId]").val()).isNotBlank();
        assertThat(form.selectFirst("input[name=_csrf]")).as("the CSRF token").isNotNull();
        assertThat(page.html().text()).doesNotContain("Lotus Massage").doesNotContain("559900-0011");
        page.assertWellFormed();
    }

    @Test
    void premisesWithoutANoticeAreNotFound() {
        HtmlPage page = get(client.mutateWith(lettingsUser()), "/lettings/notices/GBG-L-9999");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text("h1")).isEqualTo("Sidan finns inte");
    }

    @Test
    void anActionIsRecordedWithTheFormsTokenAndTheUserAndLeadsBackToTheNotice() {
        PageBrowser browser = new PageBrowser(client.mutateWith(lettingsUser()));
        HtmlPage notice = browser.get("/lettings/notices/GBG-L-0001");
        MultiValueMap<String, String> form = notice.form("form:has(#action-submit)");
        form.set("action", "POLICE_INFORMED");
        form.set("takenOn", "2026-11-26");
        form.set("reference", "5000-K123456-26");
        when(notices.recordAction(eq("GBG-L-0001"), any(), anyString(), anyString()))
                .thenReturn(Mono.just(notice(NoticeStatus.ACTION_RECORDED)));

        HtmlPage recorded = browser.post("/lettings/notices/GBG-L-0001/actions", form);

        assertThat(recorded.status()).isEqualTo(303);
        assertThat(recorded.headers().getLocation()).hasToString("/lettings/notices/GBG-L-0001?recorded");
        ArgumentCaptor<ActionRequest> request = ArgumentCaptor.forClass(ActionRequest.class);
        verify(notices).recordAction(eq("GBG-L-0001"), request.capture(), eq("lettings-officer"),
                eq(form.getFirst("submissionId")));
        assertThat(request.getValue()).isEqualTo(new ActionRequest("POLICE_INFORMED", "2026-11-26", "5000-K123456-26"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndRecordsNothing() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("action", "NO_ACTION");
        form.add("takenOn", "2026-11-26");

        EntityExchangeResult<String> result = client.mutateWith(lettingsUser()).post()
                .uri("/lettings/notices/GBG-L-0001/actions")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectBody(String.class).returnResult();

        assertThat(result.getStatus().value()).isEqualTo(403);
        assertThat(Jsoup.parse(result.getResponseBody()).selectFirst("h1").text()).isEqualTo("Formuläret har gått ut");
        verify(notices, never()).recordAction(anyString(), any(), anyString(), any());
    }

    @Test
    void aRefusedActionIsShownAgainWithAnErrorSummaryLinkingToTheField() {
        when(notices.recordAction(eq("GBG-L-0001"), any(), anyString(), any())).thenReturn(Mono.error(
                new InvalidFieldsException(List.of(new FieldProblem("takenOn", "must not be in the future")))));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("action", "NO_ACTION");
        form.add("takenOn", "2030-01-01");
        form.add("submissionId", "form-1");

        EntityExchangeResult<String> result = client.mutateWith(lettingsUser()).mutateWith(csrf()).post()
                .uri("/lettings/notices/GBG-L-0001/actions")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectBody(String.class).returnResult();

        assertThat(result.getStatus().value()).isEqualTo(400);
        Document html = Jsoup.parse(result.getResponseBody());
        assertThat(html.select("#error-summary a[href=#takenOn]")).hasSize(1);
        assertThat(html.selectFirst("#takenOn").val()).as("what was typed is kept").isEqualTo("2030-01-01");
        assertThat(html.selectFirst("#takenOn").attr("aria-invalid")).isEqualTo("true");
        assertThat(html.selectFirst("#action-NO_ACTION").hasAttr("checked")).isTrue();
        assertThat(html.selectFirst("input[name=submissionId]").val()).isEqualTo("form-1");
    }

    @Test
    void theRegisterIsImportedFromAnUploadedFileCarryingTheCsrfTokenInTheMultipartBody() {
        when(imports.importUpload(any(), eq(StandardCharsets.UTF_8))).thenReturn(Mono.just(new ImportResult(3, 1, 2)));
        PageBrowser browser = new PageBrowser(client.mutateWith(lettingsUser()));
        HtmlPage form = browser.get("/lettings/register");
        assertThat(form.html().select("#file[type=file][name=file]")).hasSize(1);
        form.assertWellFormed();

        HtmlPage imported = upload(browser, form.form("form:has(#import-submit)"),
                "premises_id,...\n".getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.text("#import-rows")).isEqualTo("3");
        assertThat(imported.text("#import-added")).isEqualTo("1");
        assertThat(imported.text("#import-updated")).isEqualTo("2");
    }

    @Test
    void aRefusedRegisterFileListsEveryProblemWithItsLine() {
        when(imports.importUpload(any(), any())).thenReturn(Mono.error(new InvalidFieldsException(List.of(
                new FieldProblem("line[3].postal_code", "must be a Swedish postal code (NNN NN)"),
                new FieldProblem("line[4].premises_id", "repeats the premises of line 2"),
                new FieldProblem("encoding", "must be UTF-8")))));
        PageBrowser browser = new PageBrowser(client.mutateWith(lettingsUser()).mutateWith(csrf()));

        HtmlPage refused = upload(browser, new LinkedMultiValueMap<>(), "x".getBytes());

        assertThat(refused.status()).isEqualTo(400);
        List<String> problems = refused.html().select("#error-summary li").eachText();
        assertThat(problems).containsExactly(
                "Rad 3, postal_code: must be a Swedish postal code (NNN NN)",
                "Rad 4, premises_id: repeats the premises of line 2",
                "encoding: must be UTF-8");
        assertThat(refused.html().select("#error-summary a[href=#file]")).hasSize(3);
        assertThat(refused.html().select("#import-result")).isEmpty();
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() {
        HtmlPage refused = upload(new PageBrowser(client.mutateWith(lettingsUser())), new LinkedMultiValueMap<>(),
                "x".getBytes());

        assertThat(refused.status()).isEqualTo(403);
        verify(imports, never()).importUpload(any(), any());
    }

    @Test
    void theAddressCheckShowsHowAnAddressMatches() {
        RegisterEntry salon = new RegisterEntry("GBG-L-0001", "Inom Vallgraven 12:4", "Kungsgatan 12", "411 19",
                "Göteborg", "Higab AB", "559900-0011", "Lotus Massage & Spa AB", "96.040", LocalDate.parse("2023-03-01"),
                null);
        when(matcher.match("Kungsg. 12", "41119", "Gbg"))
                .thenReturn(Mono.just(new PremisesMatch(MatchLevel.PROBABLE, 0.9, salon, "kungsgatan 12|41119")));
        WebTestClient user = client.mutateWith(lettingsUser());

        HtmlPage blank = get(user, "/lettings/match");
        assertThat(blank.html().select("#match-result")).isEmpty();
        blank.assertWellFormed();

        HtmlPage page = get(user, "/lettings/match?streetAddress=Kungsg. 12&postalCode=41119&city=Gbg");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("#match-level")).isEqualTo("Trolig");
        assertThat(page.text("#match-premises-id")).isEqualTo("GBG-L-0001");
        assertThat(page.text("#match-result")).contains("90", "Higab AB");
        assertThat(page.html().selectFirst("#streetAddress").val()).isEqualTo("Kungsg. 12");
        page.assertWellFormed();

        HtmlPage missing = get(user, "/lettings/match?streetAddress= &postalCode=41119&city=");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.html().select("#error-summary a[href=#streetAddress]")).hasSize(1);
    }

    private static Notice notice(NoticeStatus status) {
        List<NoticeAction> actions = status == NoticeStatus.AWAITING_ACTION ? List.of()
                : List.of(new NoticeAction("a1", LandlordAction.POLICE_INFORMED, LocalDate.parse("2026-11-26"),
                        Instant.parse("2026-11-27T08:00:00Z"), "lettings-officer", "5000-K123456-26"));
        return new Notice("GBG-L-0001", "Inom Vallgraven 12:4", "Kungsgatan 12", "411 19", "Göteborg", "Higab AB",
                "Body care and massage", "96.040", true, "EXACT", KNOWN_SINCE, 2, 2, 2,
                Instant.parse("2026-11-25T22:40:00Z"), "ELEVATED", List.of("CITY_LET", "RISK_INDUSTRY"), status,
                actions.isEmpty() ? null : actions.get(0),
                List.of(new NoticeTip("tip-2", "TAXI", Instant.parse("2026-11-25T22:40:00Z"),
                                Instant.parse("2026-11-25T22:40:02Z"), "PROBABLE", 0.9),
                        new NoticeTip("tip-1", "HOTEL", Instant.parse("2026-11-20T09:00:00Z"), KNOWN_SINCE, "EXACT", 1)),
                actions);
    }

    private static HtmlPage get(WebTestClient client, String path) {
        return new PageBrowser(client).get(path);
    }

    private static HtmlPage upload(PageBrowser browser, MultiValueMap<String, String> fields, byte[] file) {
        return browser.upload("/lettings/register", fields, "register.csv", MediaType.parseMediaType("text/csv"), file);
    }
}
