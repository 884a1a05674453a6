package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;

/**
 * The coordinators' figures pages on the running service, its real store, broker and registry, with tokens as the
 * gateway relays them: the dashboard counts what was published, draws each chart with its table, lists the members
 * that have stopped reporting, sets meetings next to reporting and links every figure as CSV; the quarterly report
 * compares quarters; and only coordinators see any of it.
 */
class FiguresPagesIT extends FiguresTestBase {

    static final Instant NOW = Instant.parse("2031-05-20T10:00:00Z");
    static final String COORDINATOR = TestTokens.token("coordinator", null, List.of("COORDINATOR"));

    @Test
    void theDashboardShowsThePeriodsFiguresAsChartsTablesAndFiles() {
        clock.set(NOW);
        String hotel = enrol("HOTEL", "Hotell Göta", "411 19", LocalDate.parse("2030-01-10"));
        String taxi = enrol("TAXI", "Taxi Väst", "421 30", LocalDate.parse("2030-06-01"));
        String hostel = enrol("HOSTEL", "Nya Vandrarhemmet", "417 05", LocalDate.parse("2031-04-01"));
        String venue = enrol("VENUE", "Klubb Noll", "416 60", LocalDate.parse("2029-01-01"));
        meeting("Nätverksmöte inför Gothia Cup", LocalDate.parse("2031-03-10"), List.of(hotel, venue));
        List<TipSubmitted> hotelTips = new ArrayList<>();
        for (int day = 4; day <= 7; day++) {
            TipSubmitted tip = FigureEvents.hotel(hotel, Instant.parse("2031-05-0" + day + "T20:00:00Z"), "411 19",
                    "Sidan").build();
            hotelTips.add(tip);
            publish(tip);
        }
        publish(FigureEvents.taxi(taxi, Instant.parse("2031-01-15T01:00:00Z"), "411 19", "417 05", "Sidan")
                .build());
        long[] minutes = {5, 10, 20, 40};
        for (int i = 0; i < hotelTips.size(); i++) {
            Instant routedAt = hotelTips.get(i).getSubmittedAt().plusSeconds(1);
            AlertRouted police = FigureEvents.routed(hotelTips.get(i), Recipient.POLICE, Priority.HIGH, routedAt,
                    "Sidan");
            publish(police);
            publish(FigureEvents.status(police, AlertStatus.ACKNOWLEDGED, null,
                    routedAt.plus(Duration.ofMinutes(minutes[i]))));
            publish(FigureEvents.routed(hotelTips.get(i), Recipient.MIKAMOTTAGNINGEN, Priority.NORMAL, routedAt,
                    "Sidan"));
        }
        Awaitility.await("the tips and alerts counted").atMost(DEADLINE).until(() ->
                json(FiguresRouter.API + "/alerts?from=2031-01-01&to=2031-06-01"), alerts ->
                Integer.valueOf(4).equals(recipient(alerts, "POLICE").get("acknowledged"))
                        && Integer.valueOf(4).equals(recipient(alerts, "MIKAMOTTAGNINGEN").get("alerts"))
                        && Integer.valueOf(5).equals(((Map<?, ?>) json(FiguresRouter.API
                        + "/tips?from=2031-01-01&to=2031-06-01").get("total")).get("tips")));

        PageBrowser coordinator = browser(COORDINATOR);
        int mark = commands.mark();
        HtmlPage page = coordinator.get("/network");
        assertThat(page.status()).isEqualTo(200);
        assertThat(commands.since(mark)).as("the figures read by _id alone, whatever the history")
                .filteredOn(command -> FIGURE_COLLECTIONS.contains(command.collection()))
                .isNotEmpty().allMatch(MongoCommands.Command::byIdOnly);
        page.assertWellFormed();
        assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("sv");
        assertThat(page.text("h1")).isEqualTo("Nätverkets statistik");
        assertThat(page.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(page.text("#period-shown")).contains("2030-06-01", "2031-05-21", "månad");
        assertThat(page.text("#headline-tips")).isEqualTo("5");
        assertThat(page.text("#headline-danger")).isEqualTo("< 3");
        assertThat(page.text("#headline-alerts")).isEqualTo("8");
        assertThat(page.text("#headline-acknowledged")).isEqualTo("4");
        assertThat(page.text("#headline-meetings")).isEqualTo("1");

        // Every chart is named by its caption and has its figures in a table beside it.
        for (Element svg : page.html().select("svg")) {
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(page.html().getElementById(svg.attr("aria-labelledby"))).as(svg.attr("aria-labelledby"))
                    .isNotNull();
        }
        assertThat(page.html().select("svg")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(row(page, "#tips-over-time-table", "2031-05")).containsExactly("2031-05", "4");
        assertThat(row(page, "#tips-over-time-table", "2031-01")).containsExactly("2031-01", "< 3");
        assertThat(row(page, "#channel-table", "Hotell")).containsExactly("Hotell", "4");
        assertThat(row(page, "#channel-table", "Taxi")).containsExactly("Taxi", "< 3");
        assertThat(row(page, "#district-table", "Centrum")).containsExactly("Centrum", "4");
        assertThat(row(page, "#district-table", "Hisingen")).containsExactly("Hisingen", "< 3");
        assertThat(page.html().select("#district-map .tile text").eachText()).contains("Centrum", "4", "Hisingen",
                "< 3");
        assertThat(page.html().select("#tips-over-time-chart rect.bar-suppressed")).as("the < 3 month").hasSize(1);
        assertThat(row(page, "#acknowledge-table", "Polisen – median"))
                .containsExactly("Polisen – median", "10 min");
        assertThat(row(page, "#acknowledge-table", "Polisen – 90:e percentilen")).contains("40 min");
        assertThat(page.text("#recipients tr[data-recipient=POLICE]")).contains("4");

        // Members that have stopped reporting, and those too new to have started.
        assertThat(page.html().select("#not-reporting tr[data-member-id=" + taxi + "]").attr("data-state"))
                .isEqualTo("INACTIVE");
        assertThat(page.text("#not-reporting tr[data-member-id=" + taxi + "]")).contains("Taxi Väst", "2031-01-15");
        assertThat(page.html().select("#not-reporting tr[data-member-id=" + venue + "]").attr("data-state"))
                .isEqualTo("INACTIVE");
        assertThat(page.text("#not-reporting tr[data-member-id=" + venue + "]")).contains("Aldrig");
        assertThat(page.html().select("#not-reporting tr[data-member-id=" + hostel + "]").attr("data-state"))
                .isEqualTo("NEW");
        assertThat(page.html().select("#not-reporting tr[data-member-id=" + hotel + "]")).isEmpty();

        // Meetings next to reporting.
        assertThat(page.text("#meetings")).contains("Nätverksmöte inför Gothia Cup", "2031-03-10", "< 3");
        assertThat(page.text("#member-participation tr[data-member-id=" + hotel + "]")).contains("Hotell Göta", "1",
                "Ja", "4");
        assertThat(page.text("#member-participation tr[data-member-id=" + venue + "]")).contains("Klubb Noll", "1",
                "Nej", "0");

        // Every figure as CSV, through the page's own links.
        for (Element link : page.html().select(".downloads a")) {
            var csv = client().get().uri(link.attr("href"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + COORDINATOR).exchange()
                    .expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv.lines().count()).as(link.attr("href")).isGreaterThanOrEqualTo(2);
        }
        String tipsCsv = client().get().uri(page.html().selectFirst("#csv-tips").attr("href"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + COORDINATOR).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(tipsCsv.lines()).contains("all,2030-06-01,2031-05-21,false,channel,HOTEL,4",
                "all,2030-06-01,2031-05-21,false,channel,TAXI,< 3");

        HtmlPage english = coordinator.get("/network?lang=en&by=week&from=2031-05-01&to=2031-05-15");
        assertThat(english.status()).isEqualTo(200);
        english.assertWellFormed();
        assertThat(english.text("h1")).isEqualTo("The network's figures");
        // 2031-05-04 is a Sunday: one tip in week 18, three in week 19.
        assertThat(row(english, "#tips-over-time-table", "2031-W18")).containsExactly("2031-W18", "< 3");
        assertThat(row(english, "#tips-over-time-table", "2031-W19")).containsExactly("2031-W19", "3");
        assertThat(english.html().selectFirst("#by-week").hasAttr("checked")).isTrue();
    }

    @Test
    void aPeriodThatCannotBeShownIsSaidAtTheFieldWithWhatWasTyped() {
        clock.set(NOW);
        HtmlPage page = browser(COORDINATOR).get("/network?from=2031-05-10&to=2031-05-01&by=day");

        assertThat(page.status()).isEqualTo(400);
        page.assertWellFormed();
        assertThat(page.html().select("#error-summary a").eachAttr("href")).containsExactly("#to", "#by");
        assertThat(page.text("#to-error")).contains("efter från-datumet");
        assertThat(page.html().selectFirst("#to").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.html().selectFirst("#from").val()).isEqualTo("2031-05-10");
        assertThat(page.html().select("#headline")).isEmpty();
    }

    @Test
    void theQuarterlyReportSetsTheQuarterBesideThePreviousOneAndTheYearBefore() {
        clock.set(Instant.parse("2034-05-20T10:00:00Z"));
        String hotel = enrol("HOTEL", "Rapporthotellet", "411 19", LocalDate.parse("2029-01-10"));
        for (String day : List.of("2033-05-02", "2033-05-03", "2033-05-04", "2034-01-02", "2034-04-02",
                "2034-04-03", "2034-04-04", "2034-04-05", "2034-04-06")) {
            publish(FigureEvents.hotel(hotel, Instant.parse(day + "T09:00:00Z"), "411 19", "Rapport").build());
        }
        Awaitility.await("the tips counted").atMost(DEADLINE).until(() ->
                json(FiguresRouter.API + "/tips?from=2033-01-01&to=2034-06-01"), tips ->
                Integer.valueOf(9).equals(((Map<?, ?>) tips.get("total")).get("tips")));

        PageBrowser coordinator = browser(COORDINATOR);
        HtmlPage list = coordinator.get("/network/reports");
        assertThat(list.status()).isEqualTo(200);
        list.assertWellFormed();
        assertThat(list.html().select("#quarters li").eachAttr("data-quarter")).startsWith("2034-Q2", "2034-Q1")
                .contains("2033-Q2");

        HtmlPage report = coordinator.get("/network/reports/2034-Q2");
        assertThat(report.status()).isEqualTo(200);
        report.assertWellFormed();
        assertThat(report.text("h1")).isEqualTo("Kvartalsrapport 2034-Q2");
        assertThat(report.text("#report-ongoing")).isNotEmpty();
        assertThat(report.text(".how-to-read")).contains("< 3");
        // 5 tips now, fewer than 3 the quarter before (no change given), 3 a year before (+2).
        assertThat(row(report, "#report-tips", "Tips")).containsExactly("Tips", "5", "< 3", "–", "3", "+2");
        assertThat(row(report, "#report-district", "Centrum")).containsExactly("Centrum", "5", "< 3", "–", "3", "+2");
        assertThat(row(report, "#report-channel", "Taxi")).as("a quarter of fewer than 3 tips hides its zeros too")
                .containsExactly("Taxi", "0", "< 3", "–", "0", "0");
        assertThat(report.html().select("link[rel=stylesheet]").attr("href")).isEqualTo("/network/assets/figures.css");
        assertThat(report.html().select("a[href^=/network/figures/tips.csv]").attr("href"))
                .contains("from=2034-04-01", "to=2034-07-01");

        assertThat(coordinator.get("/network/reports/2034-Q3").status()).as("a quarter to come").isEqualTo(404);
        assertThat(coordinator.get("/network/reports/2034-Q5").status()).isEqualTo(404);
        assertThat(coordinator.get("/network/reports/nonsense").status()).isEqualTo(404);
    }

    @Test
    void onlyCoordinatorsSeeTheFigures() {
        PageBrowser police = browser(TestTokens.recipient("police-demo", "POLICE"));
        for (String path : List.of("/network", "/network/reports", "/network/reports/2031-Q1",
                "/network/figures/tips.csv")) {
            HtmlPage page = police.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
            assertThat(page.text("h1")).isEqualTo("Du har inte behörighet");
            page.assertWellFormed();
        }
        HtmlPage anonymous = new PageBrowser(client()).get("/network");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("h1")).isEqualTo("Logga in");
        client().get().uri("/network/assets/figures.css").exchange().expectStatus().isOk();
    }

    private static List<String> row(HtmlPage page, String table, String label) {
        Element row = page.html().select(table + " tbody tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + table));
        return row.select("th, td").eachText();
    }

}
