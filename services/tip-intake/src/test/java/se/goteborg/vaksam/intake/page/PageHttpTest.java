package se.goteborg.vaksam.intake.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.bson.Document;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.intake.IntakeTestSupport;
import se.goteborg.vaksam.intake.TipIntakeApplication;
import se.goteborg.vaksam.intake.member.MemberEvents;
import se.goteborg.vaksam.intake.receipt.ReceiptEvents;

/**
 * The intake pages on the whole service minus Kafka: enrolment and the member cookie, both forms in both languages,
 * CSRF, and that a form submission stores exactly what the API would, once.
 */
@SpringBootTest(classes = TipIntakeApplication.class, properties = {
        "spring.autoconfigure.exclude=se.goteborg.vaksam.platform.events.EventsAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        // Every request here comes from one address; the limits have their own test.
        "vaksam.intake.rate-limits.posts-per-address.requests=100000",
        "vaksam.intake.rate-limits.receipt-lookups-per-address.requests=100000",
        "vaksam.intake.rate-limits.failed-receipt-lookups-per-address.requests=100000"})
@AutoConfigureWebTestClient
@Import(IntakeTestSupport.Beans.class)
class PageHttpTest {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.store(registry, "page-http-test-" + UUID.randomUUID());
    }

    @Autowired WebTestClient client;
    @Autowired MongoDatabase database;

    @BeforeEach
    void timeout() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A browser: keeps the cookies it was given and sends them back. */
    final class Browser {

        final Map<String, String> cookies = new LinkedHashMap<>();
        final List<String> pages = new ArrayList<>();
        String acceptLanguage;

        Page get(String path) {
            return page(client.get().uri(path).headers(this::headers).cookies(this::cookies).exchange()
                    .expectBody(String.class).returnResult());
        }

        Page post(String path, MultiValueMap<String, String> form) {
            return page(client.post().uri(path).headers(this::headers).cookies(this::cookies)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData(form)).exchange().expectBody(String.class).returnResult());
        }

        private void cookies(MultiValueMap<String, String> sent) {
            cookies.forEach(sent::add);
        }

        private void headers(HttpHeaders headers) {
            if (acceptLanguage != null) {
                headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
            }
        }

        private Page page(EntityExchangeResult<String> result) {
            result.getResponseCookies().forEach((name, values) -> values.forEach(cookie -> {
                if (cookie.getMaxAge().isZero()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, cookie.getValue());
                }
            }));
            String body = result.getResponseBody() == null ? "" : result.getResponseBody();
            if (body.startsWith("<!DOCTYPE html>")) {
                pages.add(body);
            }
            return new Page(result.getStatus().value(), Jsoup.parse(body), result.getResponseHeaders(),
                    result.getResponseCookies());
        }

        /** Opens the enrolment link and confirms it, as a person would. */
        Page enrol(String key) {
            Page confirm = get("/intake/enrol/" + key);
            assertThat(confirm.status).isEqualTo(200);
            MultiValueMap<String, String> form = confirm.form("form:has(#enrol-confirm)");

            return post("/intake/enrol", form);
        }
    }

    record Page(int status, org.jsoup.nodes.Document html, HttpHeaders headers,
                MultiValueMap<String, ResponseCookie> cookies) {

        /** The fields a browser would send from a form: hidden and filled inputs, checked boxes, textareas. */
        MultiValueMap<String, String> form(String selector) {
            Element form = html.selectFirst(selector);
            assertThat(form).as(selector).isNotNull();
            MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
            for (Element input : form.select("input[name], textarea[name]")) {
                String type = input.attr("type");
                if (("checkbox".equals(type) || "radio".equals(type)) && !input.hasAttr("checked")) {
                    continue;
                }
                fields.add(input.attr("name"), "textarea".equals(input.tagName()) ? input.text() : input.val());
            }
            return fields;
        }

        String text(String selector) {
            Element element = html.selectFirst(selector);
            assertThat(element).as(selector).isNotNull();
            return element.text();
        }
    }

    private String member(MemberType type, String name, String key) {
        String memberId = "member-" + UUID.randomUUID();
        MemberEvents.changed(database, memberId, type, name, MemberStatus.ACTIVE, IntakeTestSupport.NOW.minusSeconds(60),
                key);
        return memberId;
    }

    private Browser enrolledBrowser(String key) {
        Browser browser = new Browser();
        Page enrolled = browser.enrol(key);
        assertThat(enrolled.status).isEqualTo(303);
        return browser;
    }

    private long tips(String memberId) {
        return Mono.from(database.getCollection("tips").countDocuments(Filters.eq("memberId", memberId))).block();
    }

    /** No inline script or style (the CSP would block them), one h1, the landmarks, a language. */
    private static void assertWellFormed(List<String> pages) {
        for (String page : pages) {
            org.jsoup.nodes.Document html = Jsoup.parse(page);
            assertThat(html.select("script:not([src])")).as(page).isEmpty();
            assertThat(html.select("style, [style]")).as(page).isEmpty();
            assertThat(html.select("[onclick], [onload], [onsubmit], [onchange]")).as(page).isEmpty();
            assertThat(html.select("h1")).as(page).hasSize(1);
            assertThat(html.select("header, main, footer")).as(page).hasSize(3);
            assertThat(html.selectFirst("html").attr("lang")).as(page).isIn("sv", "en");
            for (Element input : html.select("input:not([type=hidden]), textarea")) {
                assertThat(html.select("label[for=" + input.id() + "]")).as(input.outerHtml()).hasSize(1);
            }
        }
    }

    private static Consumer<MultiValueMap<String, String>> hotelFields() {
        return form -> {
            form.set("observedAt", "2026-11-27T20:30");
            form.put("indicators", List.of("BOOKER_NOT_OCCUPANT", "MANY_VISITORS_TO_ROOM"));
            form.set("suspectedMinor", "NO");
            form.set("immediateDanger", "false");
            form.set("exploitationType", "SEXUAL");
            form.set("description", "canary-page-description");
            form.set("reporterContact", "");
            form.set("premises.name", "Hotell Canaria");
            form.set("premises.streetAddress", "Drottningtorget 5");
            form.set("premises.postalCode", "411 03");
            form.set("premises.city", "Göteborg");
            form.set("premises.room", "412");
        };
    }

    private static Consumer<MultiValueMap<String, String>> taxiFields() {
        return form -> {
            form.set("observedAt", "2026-11-27T20:45");
            form.put("indicators", List.of("COMPANION_CONTROLS"));
            form.set("suspectedMinor", "UNSURE");
            form.set("immediateDanger", "false");
            form.set("exploitationType", "UNKNOWN");
            form.set("trip.pickup.address", "Nils Ericsonsplatsen 4, Göteborg");
            form.set("trip.pickup.time", "2026-11-27T20:35");
            form.set("trip.dropoff.address", "Mässans gata 24, Göteborg");
            form.set("trip.dropoff.time", "2026-11-27T20:50");
            form.set("trip.passengers", "2");
            form.set("trip.vehicleRef", "ABC123");
        };
    }

    private static MultiValueMap<String, String> filled(Page form, Consumer<MultiValueMap<String, String>> fill) {
        MultiValueMap<String, String> fields = form.form("form:has(#submit-tip)");
        fill.accept(fields);
        return fields;
    }

    @Test
    void theHotelFormIsSwedishByDefaultWithBothChecklists() {
        String key = "page-key-" + UUID.randomUUID();
        member(MemberType.HOTEL, "Hotell Canaria", key);
        Page form = enrolledBrowser(key).get("/intake/hotel");

        assertThat(form.status).isEqualTo(200);
        assertThat(form.html.selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(form.html.text()).contains("Är någon i fara just nu? Ring 112.",
                "Konfrontera aldrig någon. Inget enskilt tecken är ett bevis.");
        assertThat(form.text("label[for=observedAt]")).contains("När såg du det?");
        assertThat(form.html.select("fieldset.group > legend").eachText()).containsExactly("Receptionen",
                "Städ och våningar");
        assertThat(form.text("label[for=ind-BOOKER_NOT_OCCUPANT]")).isEqualTo("Bokaren bor inte själv i rummet");
        assertThat(form.html.select("input[name=indicators]")).hasSize(21);
        assertThat(form.html.selectFirst("#ind-STREAM_OF_MEN").attr("aria-describedby"))
                .isEqualTo("ind-STREAM_OF_MEN-help");
        assertThat(form.html.select("#suspectedMinor-YES, #suspectedMinor-UNSURE, #suspectedMinor-NO, "
                + "#immediateDanger-true, #immediateDanger-false, #exploitationType-SEXUAL, #premises-postalCode, "
                + "#premises-room, #description, #reporterContact, #submit-tip")).hasSize(11);
        assertThat(form.html.selectFirst("input[name=submissionId]").val()).isNotBlank();
        assertThat(form.html.selectFirst("input[name=_csrf]").val()).isNotBlank();
        assertThat(form.html.select("h1")).hasSize(1);
        assertThat(form.html.select("a.lang").attr("href")).isEqualTo("/intake/hotel?lang=en");
    }

    @Test
    void theTaxiFormIsEnglishByAcceptLanguageOrSwitchLink() {
        String key = "page-key-" + UUID.randomUUID();
        member(MemberType.TAXI, "Demotaxi", key);
        Browser browser = enrolledBrowser(key);
        browser.acceptLanguage = "en-GB,en;q=0.9,sv;q=0.5";
        Page form = browser.get("/intake/taxi");

        assertThat(form.status).isEqualTo(200);
        assertThat(form.html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(form.html.text()).contains("Is someone in danger right now? Call 112.",
                "Never confront anyone. No single sign is proof.");
        assertThat(form.text("label[for=trip-pickup-address]")).isEqualTo("Pick-up address");
        assertThat(form.html.select("fieldset.group > legend").eachText()).containsExactly("In the taxi");
        assertThat(form.html.select("input[name=indicators]")).hasSize(10);
        assertThat(form.text("label[for=ind-COMPANION_CONTROLS]")).isEqualTo("A companion is in control");

        browser.acceptLanguage = null;
        assertThat(browser.get("/intake/taxi").html.selectFirst("html").attr("lang")).isEqualTo("sv");
        Page switched = browser.get("/intake/taxi?lang=en");
        assertThat(switched.html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(browser.cookies).containsEntry("vaksam_lang", "en");
        assertThat(browser.get("/intake").html.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void enrolmentSetsASignedCookieAndLeadsToTheMembersForm() {
        String key = "page-key-" + UUID.randomUUID();
        member(MemberType.TAXI, "Taxi Göteborg", key);
        Browser browser = new Browser();

        Page confirm = browser.get("/intake/enrol/" + key);
        assertThat(confirm.text("h1")).isEqualTo("Registrera den här enheten för Taxi Göteborg?");
        assertThat(confirm.cookies.getFirst("vaksam_member")).isNull();
        Page enrolled = browser.post("/intake/enrol", confirm.form("form:has(#enrol-confirm)"));

        assertThat(enrolled.status).isEqualTo(303);
        assertThat(enrolled.headers.getLocation()).hasToString("/intake/taxi");
        ResponseCookie cookie = enrolled.cookies.getFirst("vaksam_member");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/intake");
        assertThat(cookie.getMaxAge()).isGreaterThan(Duration.ofDays(300));
        assertThat(cookie.getValue()).doesNotContain(key);
        assertThat(browser.get("/intake/taxi").status).isEqualTo(200);
        assertThat(browser.get("/intake").html.selectFirst("#start-form").attr("href")).isEqualTo("/intake/taxi");

        Page signedOut = browser.post("/intake/signout", browser.get("/intake").form("form[action=/intake/signout]"));
        assertThat(signedOut.status).isEqualTo(303);
        assertThat(signedOut.headers.getLocation()).hasToString("/intake");
        assertThat(browser.cookies).doesNotContainKey("vaksam_member");
        assertThat(browser.get("/intake/taxi").status).isEqualTo(401);
    }

    @Test
    void anUnknownOrRevokedKeyGetsTheSameNotFound() {
        String revoked = "page-key-" + UUID.randomUUID();
        MemberEvents.changed(database, "member-" + UUID.randomUUID(), MemberType.HOTEL, "Gone", MemberStatus.REVOKED,
                IntakeTestSupport.NOW, revoked);
        Browser browser = new Browser();

        Page unknown = browser.get("/intake/enrol/no-such-key");
        Page gone = browser.get("/intake/enrol/" + revoked);

        assertThat(unknown.status).isEqualTo(404);
        assertThat(gone.status).isEqualTo(404);
        assertThat(gone.text("main")).isEqualTo(unknown.text("main"));
        String valid = "page-key-" + UUID.randomUUID();
        member(MemberType.HOTEL, "Hotell", valid);
        MultiValueMap<String, String> form = browser.get("/intake/enrol/" + valid).form("form:has(#enrol-confirm)");
        form.set("key", revoked);
        Page refused = browser.post("/intake/enrol", form);
        assertThat(refused.status).isEqualTo(404);
        assertThat(refused.text("main")).isEqualTo(unknown.text("main"));
        assertThat(browser.cookies).doesNotContainKey("vaksam_member");
    }

    @Test
    void aTamperedOrMissingCookieIsRefused() {
        String key = "page-key-" + UUID.randomUUID();
        member(MemberType.HOTEL, "Hotell", key);
        Browser browser = enrolledBrowser(key);
        String value = browser.cookies.get("vaksam_member");
        String[] parts = value.split("\\.");

        String otherMember = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("demo-hotel".getBytes(StandardCharsets.UTF_8));
        for (String tampered : List.of(parts[0] + "." + otherMember + "." + parts[2] + "." + parts[3] + "." + parts[4],
                value.substring(0, value.length() - 2) + (value.endsWith("AA") ? "BB" : "AA"), "garbage")) {
            browser.cookies.put("vaksam_member", tampered);
            Page refused = browser.get("/intake/hotel");
            assertThat(refused.status).as(tampered).isEqualTo(401);
            assertThat(refused.text("h1")).isEqualTo("Öppna din organisations registreringslänk");
            assertThat(refused.html.select("#submit-tip")).isEmpty();
        }
        browser.cookies.remove("vaksam_member");
        assertThat(browser.get("/intake/hotel").status).isEqualTo(401);
    }

    @Test
    void aRevokedMemberOrReplacedKeyIsRefusedAtOnce() {
        String key = "page-key-" + UUID.randomUUID();
        String memberId = member(MemberType.HOTEL, "Hotell", key);
        Browser browser = enrolledBrowser(key);
        Page form = browser.get("/intake/hotel");
        assertThat(form.status).isEqualTo(200);

        MemberEvents.changed(database, memberId, MemberType.HOTEL, "Hotell", MemberStatus.REVOKED,
                IntakeTestSupport.NOW, key);

        assertThat(browser.get("/intake/hotel").status).isEqualTo(401);
        assertThat(browser.post("/intake/hotel", filled(form, hotelFields())).status).isEqualTo(401);
        assertThat(tips(memberId)).isZero();

        MemberEvents.changed(database, memberId, MemberType.HOTEL, "Hotell", MemberStatus.ACTIVE,
                IntakeTestSupport.NOW.plusSeconds(1), "a-new-key-" + UUID.randomUUID());
        assertThat(browser.get("/intake/hotel").status).isEqualTo(401);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsForbiddenAndStoresNothing() {
        String key = "page-key-" + UUID.randomUUID();
        String memberId = member(MemberType.HOTEL, "Hotell", key);
        Browser browser = enrolledBrowser(key);
        MultiValueMap<String, String> fields = filled(browser.get("/intake/hotel"), hotelFields());

        fields.remove("_csrf");
        Page refused = browser.post("/intake/hotel", fields);
        assertThat(refused.status).isEqualTo(403);
        // A page that says what to do, in the visitor's language, not a bare status.
        assertThat(refused.headers.getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(refused.html.selectFirst("h1").text()).isEqualTo("Formuläret har gått ut");
        fields.set("_csrf", "forged");
        assertThat(browser.post("/intake/hotel", fields).status).isEqualTo(403);
        assertThat(tips(memberId)).isZero();
    }

    @Test
    void aValidHotelTipIsStoredOnceAndConfirmedWithItsReceiptCode() {
        String key = "page-key-" + UUID.randomUUID();
        String memberId = member(MemberType.HOTEL, "Hotell", key);
        Browser browser = enrolledBrowser(key);
        MultiValueMap<String, String> fields = filled(browser.get("/intake/hotel"), hotelFields());

        Page confirmation = browser.post("/intake/hotel", fields);

        assertThat(confirmation.status).isEqualTo(201);
        String code = confirmation.text("#receipt-code");
        assertThat(code).matches("VK(-[0-9A-Z]{4}){4}");
        assertThat(confirmation.headers.getCacheControl()).contains("no-store");
        assertThat(confirmation.headers.getLocation()).isNull();
        assertThat(tips(memberId)).isEqualTo(1);
        Document tip = Mono.from(database.getCollection("tips").find(Filters.eq("memberId", memberId)).first()).block();
        assertThat(tip.getString("receiptCode")).isEqualTo(code);
        assertThat(tip.getString("channel")).isEqualTo("HOTEL");
        assertThat(tip.getDate("observedAt").toInstant()).hasToString("2026-11-27T19:30:00Z");
        assertThat(tip.getList("indicators", String.class)).containsExactly("BOOKER_NOT_OCCUPANT",
                "MANY_VISITORS_TO_ROOM");
        assertThat(tip.get("premises", Document.class).getString("postalCode")).isEqualTo("411 03");
        assertThat(tip.toJson()).doesNotContain("canary-page-description");

        Page again = browser.post("/intake/hotel", fields);
        assertThat(again.status).isEqualTo(201);
        assertThat(again.text("#receipt-code")).isEqualTo(code);
        assertThat(tips(memberId)).isEqualTo(1);
    }

    @Test
    void aValidTaxiTipIsStored() {
        String key = "page-key-" + UUID.randomUUID();
        String memberId = member(MemberType.TAXI, "Taxi", key);
        Browser browser = enrolledBrowser(key);
        browser.acceptLanguage = "en";

        Page confirmation = browser.post("/intake/taxi", filled(browser.get("/intake/taxi"), taxiFields()));

        assertThat(confirmation.status).isEqualTo(201);
        assertThat(confirmation.text("h1")).isEqualTo("Thank you, the tip has been received");
        assertThat(tips(memberId)).isEqualTo(1);
        Document tip = Mono.from(database.getCollection("tips").find(Filters.eq("memberId", memberId)).first()).block();
        assertThat(tip.get("trip", Document.class).getInteger("passengers")).isEqualTo(2);
    }

    @Test
    void anInvalidTipIsShownAgainWithTranslatedErrorsAndNothingIsStored() {
        String key = "page-key-" + UUID.randomUUID();
        String memberId = member(MemberType.TAXI, "Taxi", key);
        Browser browser = enrolledBrowser(key);
        MultiValueMap<String, String> fields = filled(browser.get("/intake/taxi"), taxiFields());
        fields.set("observedAt", "");
        fields.set("trip.passengers", "many");
        fields.remove("suspectedMinor");
        fields.set("trip.vehicleRef", "ABC123-kept");

        Page rejected = browser.post("/intake/taxi", fields);

        assertThat(rejected.status).isEqualTo(400);
        assertThat(rejected.html.select("#error-summary a").eachAttr("href"))
                .containsExactly("#observedAt", "#trip-passengers", "#suspectedMinor-YES");
        assertThat(rejected.text("#observedAt-error")).isEqualTo(
                "Ange datum och klockslag när du såg det. Det får inte vara i framtiden eller mer än ett år sedan.");
        assertThat(rejected.html.selectFirst("#observedAt").attr("aria-describedby"))
                .isEqualTo("observedAt-help observedAt-error");
        assertThat(rejected.html.selectFirst("#observedAt").attr("aria-invalid")).isEqualTo("true");
        assertThat(rejected.html.selectFirst("#trip-vehicleRef").val()).isEqualTo("ABC123-kept");
        assertThat(rejected.html.selectFirst("#ind-COMPANION_CONTROLS").hasAttr("checked")).isTrue();
        assertThat(rejected.html.selectFirst("#exploitationType-UNKNOWN").hasAttr("checked")).isTrue();
        assertThat(rejected.html.select("input[name=suspectedMinor][checked]")).isEmpty();
        assertThat(rejected.html.selectFirst("input[name=submissionId]").val()).isEqualTo(fields.getFirst("submissionId"));
        assertThat(tips(memberId)).isZero();

        browser.acceptLanguage = "en";
        Page english = browser.post("/intake/taxi", fields);
        assertThat(english.text("#suspectedMinor-error")).isEqualTo("Choose whether anyone could be under 18.");
        assertThat(tips(memberId)).isZero();
    }

    @Test
    void theReceiptPagesShowStatusAndQuestionsAndTakeAnAnswer() {
        String key = "page-key-" + UUID.randomUUID();
        String memberId = member(MemberType.HOTEL, "Hotell", key);
        Browser browser = enrolledBrowser(key);
        String code = browser.post("/intake/hotel", filled(browser.get("/intake/hotel"), hotelFields()))
                .text("#receipt-code");
        String tipId = Mono.from(database.getCollection("tips").find(Filters.eq("memberId", memberId)).first()).block()
                .getString("_id");
        String questionId = UUID.randomUUID().toString();
        ReceiptEvents.question(database, tipId, questionId,
                "Vilken färg hade jackan?", IntakeTestSupport.NOW);
        browser.cookies.remove("vaksam_member");

        Page lookup = browser.get("/intake/receipt");
        assertThat(lookup.status).isEqualTo(200);
        MultiValueMap<String, String> typed = lookup.form("form:has(#receipt-lookup)");
        typed.set("code", code.toLowerCase().replace("-", " "));
        Page status = browser.post("/intake/receipt", typed);

        assertThat(status.status).isEqualTo(200);
        assertThat(status.text("#receipt-status")).isEqualTo("Mottaget");
        assertThat(status.text("#receipt-code")).isEqualTo(code);
        assertThat(status.text("#question-" + questionId + " .text")).isEqualTo("Vilken färg hade jackan?");
        assertThat(status.headers.getCacheControl()).contains("no-store");
        MultiValueMap<String, String> answer = status.form("form:has(.answer-submit)");
        assertThat(answer.getFirst("code")).isEqualTo(code);
        assertThat(answer.getFirst("questionId")).isEqualTo(questionId);

        answer.set("text", "  ");
        Page refused = browser.post("/intake/receipt/answer", answer);
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.text("#answer-" + questionId + "-error")).startsWith("Skriv ett svar");
        assertThat(refused.html.select("#error-summary a").attr("href")).isEqualTo("#answer-" + questionId);

        answer.set("text", "Röd, med huva.");
        Page answered = browser.post("/intake/receipt/answer", answer);
        assertThat(answered.status).isEqualTo(200);
        assertThat(answered.html.select("#question-" + questionId + " .answer .text").eachText())
                .containsExactly("Röd, med huva.");

        typed.set("code", "VK-0000-0000-0000-0000");
        Page unknown = browser.post("/intake/receipt", typed);
        assertThat(unknown.status).isEqualTo(404);
        assertThat(unknown.html.select("#error-summary a").attr("href")).isEqualTo("#code");
        assertThat(unknown.html.selectFirst("#code").val()).isEqualTo("VK-0000-0000-0000-0000");
        answer.set("code", "VK-0000-0000-0000-0000");
        assertThat(browser.post("/intake/receipt/answer", answer).status).isEqualTo(404);

        assertWellFormed(browser.pages);
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndNoInlineScriptOrStyle() {
        String key = "page-key-" + UUID.randomUUID();
        member(MemberType.HOTEL, "Hotell", key);
        Browser browser = new Browser();
        browser.get("/intake");
        browser.get("/intake/enrol/no-such-key");
        browser.enrol(key);
        browser.get("/intake?lang=en");
        MultiValueMap<String, String> fields = filled(browser.get("/intake/hotel"), hotelFields());
        fields.set("premises.postalCode", "4110");
        browser.post("/intake/hotel", fields);
        browser.post("/intake/hotel", filled(browser.get("/intake/hotel"), hotelFields()));
        browser.cookies.remove("vaksam_member");
        browser.get("/intake/taxi");

        assertThat(browser.pages).hasSizeGreaterThanOrEqualTo(8);
        assertWellFormed(browser.pages);

        client.get().uri("/intake").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", CSP)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("Permissions-Policy")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"));
        client.get().uri("/intake/assets/intake.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }
}
