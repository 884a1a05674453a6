package se.goteborg.vaksam.intake.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.events.bulletin.BulletinStatus;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.intake.IntakeTestSupport;
import se.goteborg.vaksam.intake.TipIntakeApplication;
import se.goteborg.vaksam.intake.member.MemberEvents;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.MutableClock;
import se.goteborg.vaksam.testsupport.MutableClockConfiguration;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;

/**
 * Bulletins from the bulletin topic on the enrolled members' pages, on the real broker, registry and store: each
 * member sees those for its type and district while they are published and between their times by intake's clock,
 * newest first, in the page's language, below the 112 warning; a withdrawn one goes at once and an older state of it,
 * replayed, does not bring it back.
 */
// Closed after the class, so its listeners do not go on consuming beside another class's context.
@DirtiesContext
@SpringBootTest(classes = {TipIntakeApplication.class, MutableClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.intake.rate-limits.posts-per-address.requests=100000",
                "vaksam.intake.rate-limits.receipt-lookups-per-address.requests=100000"})
class BulletinBoardIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, "tip-intake-bulletins-it-" + RUN);
    }

    @LocalServerPort int port;
    @Autowired MutableClock clock;

    @Test
    void aMemberSeesTheBulletinsForItsTypeAndDistrictWhileTheyAreShownAndNoOthers() {
        Instant now = clock.instant();
        PageBrowser hotel = enrolled(MemberType.HOTEL, "CENTRUM");
        PageBrowser hotelOnHisingen = enrolled(MemberType.HOTEL, "HISINGEN");
        PageBrowser taxi = enrolled(MemberType.TAXI, null);
        String forHotelsInCentrum = "hotels-" + RUN;
        String forEveryoneUntilSoon = "everyone-" + RUN;
        String forTaxis = "taxis-" + RUN;
        String forEveryoneLater = "later-" + RUN;
        BulletinChanged hotelsInCentrum = BulletinEvents.bulletin(forHotelsInCentrum, List.of(MemberType.HOTEL),
                List.of("CENTRUM"), now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))).build();
        BulletinEvents.publish(hotelsInCentrum);
        BulletinEvents.publish(BulletinEvents.bulletin(forEveryoneUntilSoon, List.of(), List.of(),
                now.minus(Duration.ofMinutes(2)), now.plus(Duration.ofHours(2))).build());
        BulletinEvents.publish(BulletinEvents.bulletin(forTaxis, List.of(MemberType.TAXI), List.of(),
                now.minus(Duration.ofSeconds(30)), now.plus(Duration.ofDays(1))).build());
        BulletinEvents.publish(BulletinEvents.bulletin(forEveryoneLater, List.of(), List.of(),
                now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(3))).build());

        awaitShown(hotel, "/intake/hotel", forHotelsInCentrum, forEveryoneUntilSoon);
        awaitShown(hotelOnHisingen, "/intake/hotel", forEveryoneUntilSoon);
        awaitShown(taxi, "/intake/taxi", forTaxis, forEveryoneUntilSoon);

        HtmlPage form = hotel.get("/intake/hotel");
        Element board = form.html().selectFirst("section#bulletins");
        assertThat(board.attr("aria-labelledby")).isEqualTo("bulletins-heading");
        assertThat(form.text("#bulletins-heading")).isEqualTo("Meddelanden från nätverkets samordnare");
        Element first = board.selectFirst("article");
        assertThat(first.selectFirst("h3").text()).isEqualTo("Rubrik " + forHotelsInCentrum);
        assertThat(first.select("p").eachText()).containsExactly("Första stycket.", "Andra stycket.");
        List<Element> main = form.html().select("main > *");
        assertThat(main.indexOf(form.html().selectFirst("main > .warnings")))
                .as("the 112 warning comes first").isLessThan(main.indexOf(board));
        assertThat(hotel.get("/intake/hotel?lang=en").text("#bulletins article h3"))
                .isEqualTo("Title " + forHotelsInCentrum);
        assertThat(shown(hotel, "/intake")).as("the start page too")
                .containsExactly(forHotelsInCentrum, forEveryoneUntilSoon);
        assertThat(new PageBrowser(client()).get("/intake").html().select("#bulletins"))
                .as("not on a device that is not enrolled").isEmpty();

        BulletinChanged withdrawn = BulletinChanged.newBuilder(hotelsInCentrum)
                .setEventId(UUID.randomUUID().toString()).setStatus(BulletinStatus.WITHDRAWN)
                .setChangedAt(hotelsInCentrum.getChangedAt().plusSeconds(1)).build();
        BulletinEvents.publish(withdrawn);
        awaitShown(hotel, "/intake/hotel", forEveryoneUntilSoon);
        BulletinEvents.publish(hotelsInCentrum);
        String probe = onSamePartition(forHotelsInCentrum);
        BulletinEvents.publish(BulletinEvents.bulletin(probe, List.of(MemberType.TAXI), List.of(),
                now.minus(Duration.ofSeconds(10)), now.plus(Duration.ofDays(1))).build());
        awaitShown(taxi, "/intake/taxi", probe, forTaxis, forEveryoneUntilSoon);
        assertThat(shown(hotel, "/intake/hotel")).as("the older state replayed does not bring it back")
                .containsExactly(forEveryoneUntilSoon);

        clock.advance(Duration.ofMinutes(90));
        assertThat(shown(hotel, "/intake/hotel")).as("from its time").containsExactly(forEveryoneLater,
                forEveryoneUntilSoon);
        clock.advance(Duration.ofMinutes(30));
        assertThat(shown(hotel, "/intake/hotel")).as("until its expiry").containsExactly(forEveryoneLater);
        assertThat(shown(hotelOnHisingen, "/intake/hotel")).containsExactly(forEveryoneLater);
    }

    private PageBrowser enrolled(MemberType type, String district) {
        String key = "it-bulletin-key-" + UUID.randomUUID();
        MemberEvents.publish("it-bulletin-member-" + UUID.randomUUID(), type, district, MemberStatus.ACTIVE, key,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        PageBrowser browser = new PageBrowser(client());
        HtmlPage confirm = Awaitility.await("member with key " + key).atMost(DEADLINE)
                .until(() -> browser.get("/intake/enrol/{key}", key), page -> page.status() == 200);
        assertThat(browser.post("/intake/enrol", confirm.form("form:has(#enrol-confirm)")).status()).isEqualTo(303);
        return browser;
    }

    private void awaitShown(PageBrowser browser, String path, String... bulletinIds) {
        Awaitility.await(path + " showing " + List.of(bulletinIds)).atMost(DEADLINE)
                .until(() -> shown(browser, path), shown -> shown.equals(List.of(bulletinIds)));
    }

    private static List<String> shown(PageBrowser browser, String path) {
        HtmlPage page = browser.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        return page.html().select("#bulletins article").eachAttr("data-bulletin-id");
    }

    /** A bulletin id the producer puts on the same partition as {@code bulletinId}, so it is read after it. */
    private static String onSamePartition(String bulletinId) {
        int partitions = Topics.BULLETIN_CHANGED.partitions();
        int partition = partition(bulletinId, partitions);
        String probe;
        do {
            probe = "probe-" + UUID.randomUUID();
        } while (partition(probe, partitions) != partition);
        return probe;
    }

    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().responseTimeout(DEADLINE).baseUrl("http://localhost:" + port).build();
    }
}
