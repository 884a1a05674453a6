package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The lettings group's side of the system, driven only through the gateway: a register imported by its systems, two
 * tips from two channels about one city-let massage salon, and the one dated notice that links them.
 */
class LettingsNoticeIT extends RunningSystemTest {

    private static final String HEADER = "premises_id,property_designation,street_address,postal_code,city,landlord,"
            + "tenant_org_number,tenant_name,industry_code,lease_start,lease_end\n";
    private static final String CSV = "text/csv; charset=utf-8";

    @Test
    void aHotelTipAndATaxiDropOffAtOneCityLetMassageSalonMakeOneNoticeWithBothTipsLinked() {
        String premisesId = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        Vaksam.Response imported = vaksam.importRegister((HEADER
                + premisesId + ",Masthugget 21:7,Andra Långgatan 8,413 03,Göteborg,Higab AB,556677-8881,"
                + "Orkidé Thaimassage AB,96.040,2024-02-01,\n").getBytes(StandardCharsets.UTF_8), CSV);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.body().get("rows").asInt()).isEqualTo(1);

        String hotelTipId = accepted(vaksam.submitTip("hotel", "demo-hotel-key", hotelTip("NO", "SEXUAL",
                List.of("STREAM_OF_MEN", "MANY_VISITORS_TO_ROOM"), Map.of("name", "Hotell Masthugget",
                        "streetAddress", "Andra Långgatan 8", "postalCode", "413 03", "city", "Göteborg"))));
        JsonNode first = awaitAlert("lettings-demo", hotelTipId);
        assertThat(first.get("premises").get("premisesId").asString()).isEqualTo(premisesId);

        Map<String, Object> taxi = baseTip("NO", "SEXUAL", List.of("COMPANION_CONTROLS"));
        taxi.put("trip", Map.of(
                "pickup", Map.of("address", "Drottningtorget 5, 411 03 Göteborg", "time", minutesAgo(40)),
                // The driver writes the address the way drivers do: abbreviated, no space in the postal code, "Gbg".
                "dropoff", Map.of("address", "andra långg. 8, 41303 Gbg", "time", minutesAgo(28))));
        String taxiTipId = accepted(vaksam.submitTip("taxi", "demo-taxi-key", taxi));

        JsonNode second = awaitAlert("lettings-demo", taxiTipId).get("premises");
        assertThat(second.get("premisesId").asString()).as("the same premises, spelt differently").isEqualTo(premisesId);
        assertThat(second.get("tipsLast30Days").asInt()).as("repeat count in the assessment").isEqualTo(2);
        assertThat(second.get("tipsLast90Days").asInt()).isEqualTo(2);
        assertThat(awaitAlert("police-demo", taxiTipId).get("premises").get("tipsLast30Days").asInt()).isEqualTo(2);

        JsonNode notice = Awaitility.await("one notice for both tips").atMost(DELIVERY)
                .until(() -> vaksam.get("lettings-demo", "/api/v1/lettings/notices/" + premisesId),
                        response -> response.status() == 200 && response.body().get("tipCount").asInt() == 2)
                .body();
        assertThat(notice.get("tips").valueStream().map(tip -> tip.get("tipId").asString()).toList())
                .containsExactlyInAnyOrder(hotelTipId, taxiTipId);
        assertThat(notice.get("landlord").asString()).isEqualTo("Higab AB");
        assertThat(notice.get("riskIndustry").asBoolean()).isTrue();
        assertThat(notice.get("status").asString()).isEqualTo("AWAITING_ACTION");
        String knownSince = notice.get("knownSince").asString();
        assertThat(knownSince).isNotBlank();
        assertThat(notice.toString()).as("no personal data in a notice")
                .doesNotContain("Hotell Masthugget").doesNotContain("Drottningtorget").doesNotContain("room");
        List<JsonNode> listed = vaksam.get("lettings-demo", "/api/v1/lettings/notices").body().get("notices")
                .valueStream().filter(n -> premisesId.equals(n.get("premisesId").asString())).toList();
        assertThat(listed).as("one notice in the list of flagged premises").hasSize(1);

        String today = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();
        Vaksam.Response action = vaksam.postJson("lettings-demo", "/api/v1/lettings/notices/" + premisesId + "/actions",
                Map.of("action", "TENANT_CONTACTED", "takenOn", today, "reference", "FK 2026/1234"));
        assertThat(action.status()).as(action.raw()).isEqualTo(201);
        JsonNode acted = vaksam.get("lettings-demo", "/api/v1/lettings/notices/" + premisesId).body();
        assertThat(acted.get("status").asString()).isEqualTo("ACTION_RECORDED");
        assertThat(acted.get("knownSince").asString()).as("the date of knowledge never moves").isEqualTo(knownSince);
        JsonNode recorded = acted.get("actions").get(0);
        assertThat(recorded.get("action").asString()).isEqualTo("TENANT_CONTACTED");
        assertThat(recorded.get("takenOn").asString()).isEqualTo(today);
        assertThat(recorded.get("recordedBy").asString()).isEqualTo("lettings-demo");

        assertThat(vaksam.get("police-demo", "/api/v1/lettings/notices/" + premisesId).status())
                .as("notices are the lettings group's").isEqualTo(403);
    }

    @Test
    void aBadRegisterFileIsRefusedLineByLineAndChangesNothing() {
        String premisesId = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String rows = HEADER
                + premisesId + "-1,Heden 40:2,Skånegatan 3,412 51,Göteborg,Higab AB,556677-8881,Studio Heden AB,96.040,"
                + "2024-02-01,\n"
                + premisesId + "-2,Heden 40:3,Skånegatan 5,412 51,Göteborg,Higab AB,556677-8882,Heden Nagel AB,96.022,"
                + "2024-13-01,\n"
                + premisesId + "-1,Heden 40:4,Skånegatan 7,412 51,Göteborg,Higab AB,556677-8881,Heden Spa AB,96.040,"
                + "2024-02-01,\n";
        Vaksam.Response refused = vaksam.importRegister(rows.getBytes(StandardCharsets.UTF_8), CSV);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.raw()).contains("line[3].tenant_org_number", "line[3].lease_start", "line[4].premises_id");

        Vaksam.Response latin1 = vaksam.importRegister((HEADER + premisesId
                + "-9,Heden 40:9,Skånegatan 9,412 51,Göteborg,Higab AB,556677-8881,Heden AB,96.040,2024-02-01,\n")
                .getBytes(StandardCharsets.ISO_8859_1), CSV);
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.raw()).contains("encoding");

        Vaksam.Response match = vaksam.get("lettings-demo",
                "/api/v1/lettings/premises/match?streetAddress=Sk%C3%A5negatan%203&postalCode=41251&city=G%C3%B6teborg");
        assertThat(match.status()).isEqualTo(200);
        JsonNode matched = match.body().get("premises");
        assertThat(matched == null || matched.isNull() ? "" : matched.get("premisesId").asString())
                .as("nothing of the refused files was stored").doesNotStartWith(premisesId);
    }
}
