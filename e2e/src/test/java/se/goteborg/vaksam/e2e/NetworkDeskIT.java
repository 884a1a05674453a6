package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The network desk's contract through the gateway, the way a coordinator's and a member's systems meet it: a member
 * enrolled through the API gets an enrolment link; a device of its staff enrols with the link and sends tips through
 * the form (never a member key); the anonymous figures count them by member type and city area, in JSON and CSV,
 * and the member is no longer among those not reporting; revoking the member locks the device out at once.
 */
class NetworkDeskIT extends RunningSystemTest {

    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");
    private static final int TIPS = 3;

    @Test
    void aMemberEnrolledThroughTheApiSendsTipsWithItsLinkAndTheFiguresCountThem() {
        // No other test enrols a restaurant, so every restaurant tip of today is this test's.
        String name = "Restaurang Nätverket " + UUID.randomUUID().toString().substring(0, 8);
        Vaksam.Response enrolled = vaksam.postJson("coordinator-demo", "/api/v1/members", Map.of(
                "type", "RESTAURANT", "name", name, "orgNumber", "556000-0001",
                "address", Map.of("streetAddress", "Frölunda Torg 1", "postalCode", "421 42", "city", "Västra Frölunda"),
                "contact", Map.of("name", "Köket", "email", "kok@restaurang.example")));
        assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
        String memberId = enrolled.body().get("member").get("memberId").asString();
        assertThat(enrolled.body().get("member").get("district").asString()).isEqualTo("SYDVAST");
        String enrolmentUrl = enrolled.body().get("enrolmentUrl").asString();
        assertThat(enrolmentUrl).startsWith(stack.gatewayUrl() + "/intake/enrol/vk_");

        IntakeDevice device = Awaitility.await("intake knows the new member's key").atMost(DELIVERY)
                .ignoreExceptions()
                .until(() -> IntakeDevice.enrol(stack.gatewayUrl(), enrolmentUrl, "/intake/hotel"), d -> true);
        for (int i = 0; i < TIPS; i++) {
            assertThat(device.sendHotelTip(tipFields(name))).startsWith("VK-");
        }

        String today = LocalDate.now(CITY_TIME).toString();
        String period = "from=" + today + "&to=" + LocalDate.now(CITY_TIME).plusDays(1) + "&by=week";
        JsonNode total = Awaitility.await(TIPS + " restaurant tips counted").atMost(DELIVERY)
                .until(() -> vaksam.get("coordinator-demo", "/api/v1/network/figures/tips?" + period).body()
                        .get("total"), counted -> counted.get("byMemberType").get("RESTAURANT").isInt()
                                && counted.get("byMemberType").get("RESTAURANT").asInt() == TIPS);
        assertThat(total.get("byDistrict").get("SYDVAST").isInt()).as("a count of at least %d is shown", TIPS).isTrue();
        assertThat(total.get("byDistrict").get("SYDVAST").asInt()).isGreaterThanOrEqualTo(TIPS);

        Vaksam.Response csv = vaksam.get("coordinator-demo", "/api/v1/network/figures/tips.csv?" + period);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw().lines()).anyMatch(line -> line.endsWith(",member_type,RESTAURANT," + TIPS));
        assertThat(csv.raw()).doesNotContain(name).doesNotContain("Frölunda Torg");

        JsonNode notReporting = vaksam.get("coordinator-demo", "/api/v1/network/figures/members/not-reporting").body();
        assertThat(notReporting.get("members").valueStream().map(m -> m.get("memberId").asString()).toList())
                .doesNotContain(memberId).contains("demo-venue");

        assertThat(vaksam.postJson("coordinator-demo", "/api/v1/members/" + memberId + "/revoke", Map.of()).status())
                .isEqualTo(200);
        Awaitility.await("the revoked member's device locked out").atMost(DELIVERY)
                .until(() -> device.status("/intake/hotel"), status -> status == 401);
    }

    private static List<Map.Entry<String, String>> tipFields(String premises) {
        String observed = ZonedDateTime.now(CITY_TIME).minusMinutes(25)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        return List.of(Map.entry("observedAt", observed), Map.entry("indicators", "ASKS_ADULT_SERVICES"),
                Map.entry("premises.name", premises), Map.entry("premises.streetAddress", "Frölunda Torg 1"),
                Map.entry("premises.postalCode", "421 42"), Map.entry("premises.city", "Västra Frölunda"),
                Map.entry("suspectedMinor", "NO"), Map.entry("immediateDanger", "false"),
                Map.entry("exploitationType", "SEXUAL"));
    }
}
