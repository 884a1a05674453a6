package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import com.mongodb.client.model.Filters;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.network.NetworkCoordinationApplication;
import se.goteborg.vaksam.testsupport.MutableClock;
import se.goteborg.vaksam.testsupport.TestTokens;

/**
 * The local run's demo history on the real broker, registry and store: once the service reports healthy, a coordinator
 * finds a year of figures for the demo members (tips of every channel, alerts acknowledged and closed, the member that
 * stopped reporting listed, the year's meetings), today left empty for real tips; seeding again, from the start or
 * after a restart days later, changes none of the figures already there. A context of its own (the demo on, its
 * clock fixed from the start), closed after the class; its year is one no other test's events fall in.
 */
@DirtiesContext
@SpringBootTest(classes = {NetworkCoordinationApplication.class, DemoHistoryIT.FixedClock.class, MongoCommands.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.mongo.database=network-demo-history-it", "vaksam.demo.enabled=true",
                "vaksam.network.figures.consumer=network-demo-history-it",
                "vaksam.security.issuer=" + TestTokens.ISSUER})
class DemoHistoryIT extends FiguresTestBase {

    static final Instant NOW = Instant.parse("2029-11-20T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2029-11-20");
    static final String YEAR = "from=" + TODAY.minusDays(DemoHistory.DAYS) + "&to=" + TODAY;
    static final Duration SEEDING = Duration.ofSeconds(120);

    @Configuration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired DemoHistory history;

    @BeforeEach
    void awaitSeeded() {
        Awaitility.await("healthy after seeding the demo history").atMost(SEEDING)
                .until(() -> client().get().uri("/actuator/health").exchange().returnResult(String.class)
                        .getStatus().is2xxSuccessful());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aYearOfFiguresForTheDemoMembersThatSeedingAgainLeavesAsTheyAre() {
        Map<String, Object> tips = json("/api/v1/network/figures/tips?" + YEAR + "&by=month");
        Map<String, Object> total = (Map<String, Object>) tips.get("total");
        assertThat((Integer) total.get("tips")).as("tips in the year").isBetween(400, 900);
        Map<String, Object> byChannel = (Map<String, Object>) total.get("byChannel");
        assertThat((Integer) byChannel.get("TAXI")).isGreaterThan(50);
        assertThat((Integer) byChannel.get("HOTEL")).isGreaterThan((Integer) byChannel.get("TAXI"));
        Map<String, Object> byType = (Map<String, Object>) total.get("byMemberType");
        assertThat(List.of("HOTEL", "TAXI", "HOSTEL", "RESTAURANT", "VENUE"))
                .allSatisfy(type -> assertThat(byType.get(type)).as(type).isInstanceOf(Integer.class));
        Map<String, Object> byDistrict = (Map<String, Object>) total.get("byDistrict");
        assertThat(List.of("CENTRUM", "NORDOST", "SYDVAST", "HISINGEN"))
                .allSatisfy(district -> assertThat((Integer) byDistrict.get(district)).as(district).isPositive());
        List<Map<String, Object>> months = (List<Map<String, Object>>) tips.get("periods");
        Object july = months.stream().filter(month -> "2029-07".equals(month.get("period"))).findFirst()
                .map(month -> ((Map<String, Object>) month.get("figures")).get("tips")).orElseThrow();
        Object march = months.stream().filter(month -> "2029-03".equals(month.get("period"))).findFirst()
                .map(month -> ((Map<String, Object>) month.get("figures")).get("tips")).orElseThrow();
        assertThat((Integer) july).as("summer's events bring more tips").isGreaterThan((Integer) march);

        Map<String, Object> police = recipient(json("/api/v1/network/figures/alerts?" + YEAR + "&by=month"), "POLICE");
        assertThat(police.get("alerts")).isEqualTo(total.get("tips"));
        assertThat((Integer) police.get("acknowledged")).isPositive();
        assertThat((Map<String, Object>) police.get("acknowledgedWithinMinutes")).containsKeys("median", "p90");
        assertThat((Map<String, Object>) police.get("outcomes")).containsKeys("ACTED", "NO_ACTION");

        Map<String, Object> today = (Map<String, Object>) json("/api/v1/network/figures/tips?from=" + TODAY
                + "&to=" + TODAY.plusDays(1)).get("total");
        assertThat(today.get("tips")).as("today is left to real tips").isEqualTo(0);

        List<Map<String, Object>> notReporting = (List<Map<String, Object>>) json(
                "/api/v1/network/figures/members/not-reporting").get("members");
        assertThat(notReporting).extracting(member -> member.get("memberId")).containsExactly("demo-venue");
        assertThat(notReporting.get(0).get("state")).isEqualTo("INACTIVE");

        Map<String, Object> participation = json("/api/v1/network/figures/participation?" + YEAR);
        assertThat((List<Map<String, Object>>) participation.get("meetings"))
                .extracting(meeting -> meeting.get("heldOn"))
                .containsExactly("2029-02-13", "2029-03-13", "2029-05-08", "2029-09-11", "2029-11-13");

        List<String> figures = everyFigure();
        assertThat(history.seed().block(SEEDING)).as("days written again").isZero();
        Mono.from(database.getCollection(TipFactsRepository.META).deleteOne(Filters.eq("_id", DemoHistory.PROGRESS)))
                .block(DEADLINE);
        assertThat(history.seed().block(SEEDING)).as("days written again from the start")
                .isEqualTo(DemoHistory.DAYS);
        assertThat(everyFigure()).as("the figures after seeding again").isEqualTo(figures);
        assertThat(meetingIds()).hasSize(5);

        clock.advance(Duration.ofDays(3));
        assertThat(history.seed().block(SEEDING)).as("days written after a restart three days later").isEqualTo(3);
        assertThat(everyFigure()).as("the figures of the days before").isEqualTo(figures);
    }

    private List<String> everyFigure() {
        return List.of(
                csv("/api/v1/network/figures/tips.csv?" + YEAR + "&by=week"),
                csv("/api/v1/network/figures/alerts.csv?" + YEAR + "&by=week"),
                csv("/api/v1/network/figures/participation.csv?" + YEAR));
    }

    private List<String> meetingIds() {
        return Flux.from(database.getCollection("meetings").find()).map(meeting -> meeting.getString("_id"))
                .collectList().block(DEADLINE);
    }
}
