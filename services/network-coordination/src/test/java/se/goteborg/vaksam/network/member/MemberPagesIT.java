package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.mongodb.client.model.Filters;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.network.RunningServiceTest;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.qr.QrCodes;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;

/**
 * The member pages on the running service, its real store, broker and registry, with a coordinator's token as the
 * gateway relays it: what a coordinator does through the forms reaches the member topic once, the key is shown in
 * one answer only and never logged, stale and repeated forms change nothing they should not, and only coordinators
 * with the page's CSRF token get anything done.
 */
@TestPropertySource(properties = {"vaksam.mongo.database=network-member-pages-it",
        "vaksam.network.public-base-url=https://vaksam.example"})
@ExtendWith(OutputCaptureExtension.class)
class MemberPagesIT extends RunningServiceTest {

    private static final String COORDINATOR = TestTokens.token("coordinator", null, List.of("COORDINATOR"));
    private static final String POLICE_OFFICER = TestTokens.token("police-officer", "POLICE", List.of("RECIPIENT"));

    @Test
    void anEnrolmentThroughTheFormShowsTheKeyLinkAndQrCodeOnceAndPublishesTheKeysHashOnly(CapturedOutput log)
            throws Exception {
        PageBrowser coordinator = browser(COORDINATOR);
        HtmlPage blank = coordinator.get("/network/members/new").assertWellFormed();
        assertThat(blank.status()).isEqualTo(200);
        MultiValueMap<String, String> form = blank.form("#member-form");
        assertThat(form.getFirst("joinedOn")).as("joined today by default").isNotEmpty();
        assertThat(form.getFirst("district")).as("from the postal code by default").isEmpty();
        fill(form, "Hotell Kvarnen");

        HtmlPage issued = coordinator.post("/network/members", form).assertWellFormed();
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.headers().getCacheControl()).isEqualTo("no-store");
        String key = issued.text("#intake-key");
        String link = "https://vaksam.example/intake/enrol/" + key;
        assertThat(key).startsWith("vk_");
        assertThat(issued.text("#enrolment-url")).isEqualTo(link);
        assertThat(issued.text("#sheet-url")).isEqualTo(link);
        assertThat(issued.html().selectFirst("#qr svg path").attr("d")).as("the QR code draws the link")
                .isEqualTo(pathOf(QrCodes.svg(link, "t", "t")));
        assertThat(issued.html().selectFirst("#qr svg title").text()).contains("Hotell Kvarnen");
        assertThat(issued.text("#sheet-sv")).contains("Hotell Kvarnen", "anonym", "112", "https://vaksam.example/intake");
        assertThat(issued.html().selectFirst("#sheet-en").attr("lang")).isEqualTo("en");
        assertThat(issued.text("#sheet-en")).contains("Hotell Kvarnen", "anonymous", "112");
        String memberId = memberIdOf(issued);

        Record<MemberChanged> enrolled = MemberRecords.await(memberId, 1).get(0);
        assertThat(enrolled.value().getName()).isEqualTo("Hotell Kvarnen");
        assertThat(enrolled.value().getDistrict()).as("from the postal code").isEqualTo("CENTRUM");
        assertThat(enrolled.value().getIntakeKeyHashes()).containsExactly(IntakeKeys.hash(key));
        assertThat(new String(enrolled.raw(), StandardCharsets.ISO_8859_1)).doesNotContain(key);

        HtmlPage again = coordinator.post("/network/members", form);
        assertThat(again.status()).as("the form sent twice").isEqualTo(303);
        assertThat(again.headers().getLocation()).hasPath("/network/members/" + memberId)
                .hasQuery("done=alreadyEnrolled");
        HtmlPage member = coordinator.get(again.headers().getLocation().toString()).assertWellFormed();
        assertThat(member.text("#done")).contains("två gånger");
        assertThat(member.html().html()).as("the key is shown once").doesNotContain(key);
        assertThat(members("Hotell Kvarnen")).as("one member for a form sent twice").hasSize(1);
        awaitOutboxEmpty(memberId);
        assertThat(MemberRecords.of(memberId)).as("published once").hasSize(1);

        MultiValueMap<String, String> download = issued.form("#code-form");
        download.set("format", "png");
        EntityExchangeResult<byte[]> png = post(coordinator, "/network/members/" + memberId + "/enrolment-code",
                download);
        assertThat(png.getStatus().value()).isEqualTo(200);
        assertThat(png.getResponseHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(png.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(png.getResponseHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(png.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("vaksam-556000-0001.png");
        assertThat(read(png.getResponseBody())).isEqualTo(link);
        download.set("format", "svg");
        EntityExchangeResult<byte[]> svg = post(coordinator, "/network/members/" + memberId + "/enrolment-code",
                download);
        assertThat(svg.getResponseHeaders().getContentType()).isEqualTo(MediaType.valueOf("image/svg+xml"));
        assertThat(pathOf(new String(svg.getResponseBody(), StandardCharsets.UTF_8)))
                .isEqualTo(pathOf(QrCodes.svg(link, "t", "t")));

        HtmlPage list = coordinator.get("/network/members?type=HOTEL&status=ACTIVE&district=CENTRUM")
                .assertWellFormed();
        assertThat(list.html().select("#members tr[data-member-id=" + memberId + "] td").eachText())
                .containsExactly("Hotell", "Centrum", "Aktiv", form.getFirst("joinedOn"), "1");
        assertThat(coordinator.get("/network/members?type=TAXI").html()
                .select("#members tr[data-member-id=" + memberId + "]")).isEmpty();
        HtmlPage badFilter = coordinator.get("/network/members?type=CASINO");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.text("#type-error")).isEqualTo("Välj en typ i listan.");
        assertThat(log.getAll()).as("the key is never logged").doesNotContain(key);
    }

    @Test
    void anEditMadeOnAStaleVersionShowsTheConflictPageAndSavesNothing() {
        PageBrowser coordinator = browser(COORDINATOR);
        String memberId = enrol(coordinator, "Vandrarhem Backa");
        HtmlPage editing = coordinator.get("/network/members/" + memberId + "/edit").assertWellFormed();
        MultiValueMap<String, String> mine = editing.form("#member-form");
        MultiValueMap<String, String> theirs = coordinator.get("/network/members/" + memberId + "/edit")
                .form("#member-form");
        assertThat(mine.getFirst("name")).isEqualTo("Vandrarhem Backa");
        assertThat(mine.getFirst("version")).isEqualTo("0");

        mine.set("type", "HOSTEL");
        mine.set("postalCode", "422 46");
        mine.set("city", "Hisings Backa");
        HtmlPage saved = coordinator.post("/network/members/" + memberId + "/edit", mine);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.headers().getLocation()).hasQuery("done=edited");
        assertThat(coordinator.post("/network/members/" + memberId + "/edit", mine).status())
                .as("the same edit sent twice").isEqualTo(303);
        MemberChanged published = MemberRecords.await(memberId, 2).get(1).value();
        assertThat(published.getType().name()).isEqualTo("HOSTEL");
        assertThat(published.getDistrict()).as("the district follows the new postal code").isEqualTo("HISINGEN");

        theirs.set("name", "Gammalt namn");
        HtmlPage conflict = coordinator.post("/network/members/" + memberId + "/edit", theirs).assertWellFormed();
        assertThat(conflict.status()).isEqualTo(412);
        assertThat(conflict.text("h1")).isEqualTo("Ändrat av någon annan");
        assertThat(stored(memberId).getString("name")).isEqualTo("Vandrarhem Backa");

        HtmlPage current = coordinator.get("/network/members/" + memberId).assertWellFormed();
        assertThat(current.text("#member-type")).isEqualTo("Vandrarhem");
        assertThat(current.text("#member-district")).isEqualTo("Hisingen");
        MultiValueMap<String, String> wrong = coordinator.get("/network/members/" + memberId + "/edit")
                .form("#member-form");
        wrong.set("contactEmail", "inte en adress");
        wrong.set("postalCode", "4222");
        HtmlPage refused = coordinator.post("/network/members/" + memberId + "/edit", wrong).assertWellFormed();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#error-summary a").eachAttr("href"))
                .containsExactly("#postalCode", "#contactEmail");
        assertThat(refused.text("#contactEmail-error")).startsWith("Skriv en e-postadress");
        assertThat(refused.form("#member-form").getFirst("contactEmail")).as("kept as typed")
                .isEqualTo("inte en adress");
        assertThat(refused.form("#member-form").getFirst("name")).isEqualTo("Vandrarhem Backa");
        awaitOutboxEmpty(memberId);
        assertThat(MemberRecords.of(memberId)).as("refused and repeated edits publish nothing").hasSize(2);
    }

    @Test
    void revokingAfterTheConfirmationPublishesRevokedAndEndsTheKey() {
        PageBrowser coordinator = browser(COORDINATOR);
        HtmlPage issued = issue(coordinator, "Taxi Test AB");
        String memberId = memberIdOf(issued);

        HtmlPage suspended = coordinator.post("/network/members/" + memberId + "/suspend",
                coordinator.get("/network/members/" + memberId).form("#suspend-form"));
        assertThat(suspended.headers().getLocation()).hasQuery("done=suspended");
        HtmlPage activated = coordinator.post("/network/members/" + memberId + "/activate",
                coordinator.get("/network/members/" + memberId).form("#activate-form"));
        assertThat(activated.headers().getLocation()).hasQuery("done=activated");

        HtmlPage confirmation = coordinator.get("/network/members/" + memberId + "/revoke").assertWellFormed();
        assertThat(confirmation.text("h1")).isEqualTo("Återkalla medlemskapet för Taxi Test AB?");
        assertThat(confirmation.text("#confirm-warning")).contains("slutgiltigt");
        assertThat(stored(memberId).getString("status")).as("asking changes nothing").isEqualTo("ACTIVE");
        MultiValueMap<String, String> revoke = confirmation.form("#revoke-form");
        HtmlPage revoked = coordinator.post("/network/members/" + memberId + "/revoke", revoke);
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(revoked.headers().getLocation()).hasQuery("done=revoked");
        assertThat(coordinator.post("/network/members/" + memberId + "/revoke", revoke).status())
                .as("revoking twice").isEqualTo(303);

        List<Record<MemberChanged>> records = MemberRecords.await(memberId, 4);
        assertThat(records).extracting(r -> r.value().getStatus()).containsExactly(MemberStatus.ACTIVE,
                MemberStatus.SUSPENDED, MemberStatus.ACTIVE, MemberStatus.REVOKED);
        assertThat(records.get(3).value().getIntakeKeyHashes()).isEmpty();
        HtmlPage page = coordinator.get("/network/members/" + memberId).assertWellFormed();
        assertThat(page.text("#member-status")).isEqualTo("Återkallad");
        assertThat(page.html().select("#edit-link, #key-link, #suspend-form, #revoke-link")).isEmpty();
        HtmlPage noKey = coordinator.get("/network/members/" + memberId + "/key");
        assertThat(noKey.headers().getLocation()).hasQuery("done=isRevoked");

        MultiValueMap<String, String> download = issued.form("#code-form");
        download.set("format", "png");
        HtmlPage ended = coordinator.post("/network/members/" + memberId + "/enrolment-code", download);
        assertThat(ended.status()).as("a key that no longer works is not drawn").isEqualTo(409);
        assertThat(ended.text("h1")).isEqualTo("Nyckeln gäller inte längre");
        awaitOutboxEmpty(memberId);
        assertThat(MemberRecords.of(memberId)).as("revoked once").hasSize(4);
    }

    @Test
    void aNewKeyAfterTheConfirmationReplacesTheOldOneOnceThoughTheFormIsSentTwice() {
        PageBrowser coordinator = browser(COORDINATOR);
        HtmlPage first = issue(coordinator, "Restaurang Hamnen");
        String memberId = memberIdOf(first);

        HtmlPage confirmation = coordinator.get("/network/members/" + memberId + "/key").assertWellFormed();
        assertThat(confirmation.text("#confirm-warning")).contains("slutar gälla direkt");
        MultiValueMap<String, String> form = confirmation.form("#key-form");
        HtmlPage rotated = coordinator.post("/network/members/" + memberId + "/key", form).assertWellFormed();
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(rotated.text("h1")).isEqualTo("Ny nyckel för Restaurang Hamnen");
        String key = rotated.text("#intake-key");
        assertThat(key).isNotEqualTo(first.text("#intake-key"));

        HtmlPage again = coordinator.post("/network/members/" + memberId + "/key", form);
        assertThat(again.status()).isEqualTo(303);
        assertThat(again.headers().getLocation()).hasQuery("done=keyNotIssued");
        List<Record<MemberChanged>> records = MemberRecords.await(memberId, 2);
        assertThat(records.get(1).value().getIntakeKeyHashes()).containsExactly(IntakeKeys.hash(key));
        awaitOutboxEmpty(memberId);
        assertThat(MemberRecords.of(memberId)).as("one new key for the form sent twice").hasSize(2);
    }

    @Test
    void onlyCoordinatorsSeeThePagesAndNoFormIsTakenWithoutItsToken() {
        HtmlPage police = browser(POLICE_OFFICER).get("/network/members");
        assertThat(police.status()).isEqualTo(403);
        assertThat(police.text("h1")).isEqualTo("Du har inte behörighet");
        HtmlPage nobody = new PageBrowser(client()).get("/network/members/new");
        assertThat(nobody.status()).isEqualTo(401);

        PageBrowser coordinator = browser(COORDINATOR);
        MultiValueMap<String, String> form = coordinator.get("/network/members/new").form("#member-form");
        fill(form, "Utan Token AB");
        form.remove("_csrf");
        HtmlPage expired = coordinator.post("/network/members", form);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.text("h1")).isEqualTo("Formuläret har gått ut");
        assertThat(members("Utan Token AB")).isEmpty();

        String memberId = enrol(coordinator, "Nöjesstället");
        MultiValueMap<String, String> revoke = coordinator.get("/network/members/" + memberId + "/revoke")
                .form("#revoke-form");
        revoke.remove("_csrf");
        assertThat(coordinator.post("/network/members/" + memberId + "/revoke", revoke).status()).isEqualTo(403);
        MultiValueMap<String, String> policeRevoke = coordinator.get("/network/members/" + memberId + "/revoke")
                .form("#revoke-form");
        assertThat(browser(POLICE_OFFICER).post("/network/members/" + memberId + "/revoke", policeRevoke).status())
                .isEqualTo(403);
        assertThat(stored(memberId).getString("status")).isEqualTo("ACTIVE");
    }

    private static void fill(MultiValueMap<String, String> form, String name) {
        form.set("type", "HOTEL");
        form.set("name", name);
        form.set("orgNumber", "556000-0001");
        form.set("streetAddress", "Kungsgatan 12");
        form.set("postalCode", "41119");
        form.set("city", "Göteborg");
        form.set("contactName", "Receptionen");
        form.set("contactEmail", "reception@kvarnen.example");
        form.set("contactPhone", "031-12 34 56");
    }

    /** Enrols a hotel through the form and answers with its key page. */
    private static HtmlPage issue(PageBrowser browser, String name) {
        MultiValueMap<String, String> form = browser.get("/network/members/new").form("#member-form");
        fill(form, name);
        HtmlPage issued = browser.post("/network/members", form);
        assertThat(issued.status()).isEqualTo(201);
        return issued;
    }

    private static String enrol(PageBrowser browser, String name) {
        return memberIdOf(issue(browser, name));
    }

    private static String memberIdOf(HtmlPage keyPage) {
        String action = keyPage.html().selectFirst("#code-form").attr("action");
        return action.replaceFirst("^/network/members/", "").replaceFirst("/enrolment-code$", "");
    }

    private static String pathOf(String svg) {
        return Jsoup.parse(svg).selectFirst("svg path").attr("d");
    }

    /** The PNG as ZXing reads a picture of the code alone. */
    private static String read(byte[] png) throws IOException, ReaderException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
    }

    /** A form post answered with a file, with the browser's cookies (its CSRF cookie among them). */
    private EntityExchangeResult<byte[]> post(PageBrowser browser, String path, MultiValueMap<String, String> form) {
        return client().post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + COORDINATOR)
                .cookies(sent -> browser.cookies().forEach(sent::add))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectBody(byte[].class).returnResult();
    }

    private List<Document> members(String name) {
        return Flux.from(database.getCollection(MemberRepository.COLLECTION).find(Filters.eq("name", name)))
                .collectList().block(DEADLINE);
    }

    private Document stored(String memberId) {
        return Mono.from(database.getCollection(MemberRepository.COLLECTION)
                .find(Filters.eq("_id", memberId)).first()).block(DEADLINE);
    }

    private void awaitOutboxEmpty(String memberId) {
        Awaitility.await("outbox of " + memberId + " emptied").atMost(DEADLINE)
                .until(() -> Outbox.entries(stored(memberId)).isEmpty());
    }
}
