package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The whole system as users meet it: the local stack (real KRaft broker, registry, Mongo-compatible store,
 * identity, every service and the gateway) on free ports, driven only through the gateway with demo member keys
 * and tokens from identity.
 */
class AlertPipelineIT extends RunningSystemTest {

    @Test
    void aSuspectedMinorAtAHotelReachesSocialServicesAndPoliceAtOnceAndNotMikamottagningen() {
        String tipId = accepted(vaksam.submitTip("hotel", "demo-hotel-key", hotelTip("YES", "SEXUAL",
                List.of("YOUNG_PERSON_WITH_OLDER_ADULT", "PAID_CASH_OR_PREPAID"), hotel("Drottninggatan 3", "411 14"))));

        JsonNode children = awaitAlert("social-children-demo", tipId);
        JsonNode police = awaitAlert("police-demo", tipId);

        assertThat(children.get("priority").asString()).isEqualTo("IMMEDIATE");
        assertThat(police.get("priority").asString()).isEqualTo("IMMEDIATE");
        assertThat(children.get("recipient").asString()).isEqualTo("SOCIAL_SERVICES_CHILDREN");
        assertThat(vaksam.alertsForTip("mika-demo", tipId)).isEmpty();
        assertThat(vaksam.alertsForTip("region-coordinators-demo", tipId)).isEmpty();
    }

    @Test
    void aTaxiTipAboutAnAdultWithControlIndicatorsReachesPoliceMikamottagningenAndRegionCoordinatorsAsHigh() {
        Map<String, Object> tip = baseTip("NO", "SEXUAL", List.of("COMPANION_CONTROLS", "NO_OWN_ID_OR_MONEY"));
        tip.put("trip", Map.of(
                "pickup", Map.of("address", "Nils Ericsonsplatsen 4, 411 03 Göteborg", "time", minutesAgo(40)),
                "dropoff", Map.of("address", "Tredje Långgatan 11, 413 03 Göteborg", "time", minutesAgo(25)),
                "passengers", 2,
                "vehicleRef", "ABC123"));
        String tipId = accepted(vaksam.submitTip("taxi", "demo-taxi-key", tip));

        for (String client : List.of("police-demo", "mika-demo", "region-coordinators-demo")) {
            JsonNode alert = awaitAlert(client, tipId);
            assertThat(alert.get("priority").asString()).as(client).isEqualTo("HIGH");
        }
        assertThat(vaksam.alertsForTip("social-children-demo", tipId)).isEmpty();
    }

    @Test
    void aTipAboutCityLetPremisesAlsoReachesTheLettingsGroupWithoutPersonalData() {
        String canary = "canary-" + UUID.randomUUID();
        Map<String, Object> tip = hotelTip("NO", "SEXUAL", List.of("STREAM_OF_MEN", "MANY_VISITORS_TO_ROOM"),
                hotel("Kungsgatan 12", "411 19"));
        tip.put("description", "Many men visit room 12 every evening " + canary);
        tip.put("reporterContact", "night reception " + canary);
        String tipId = accepted(vaksam.submitTip("hotel", "demo-hotel-key", tip));

        JsonNode lettings = awaitAlert("lettings-demo", tipId);
        Vaksam.Response detail = vaksam.alert("lettings-demo", lettings.get("alertId").asString());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body().get("premises")).isNotNull();
        assertThat(detail.raw()).doesNotContain(canary).doesNotContain("description").doesNotContain("reporterContact");
        assertThat(detail.body().has("details")).isFalse();

        JsonNode police = awaitAlert("police-demo", tipId);
        Vaksam.Response policeDetail = vaksam.alert("police-demo", police.get("alertId").asString());
        assertThat(policeDetail.body().get("details").get("description").asString()).contains(canary);
    }

    @Test
    void aRecipientAcknowledgesItsAlert() {
        String tipId = accepted(vaksam.submitTip("hotel", "demo-hotel-key", hotelTip("NO", "LABOUR",
                List.of("MORE_PEOPLE_THAN_BEDS"), hotel("Vasagatan 40", "411 37"))));
        JsonNode police = awaitAlert("police-demo", tipId);

        Vaksam.Response ack = vaksam.acknowledge("police-demo", police.get("alertId").asString());

        assertThat(ack.status()).isEqualTo(200);
        Awaitility.await("acknowledged in the inbox").atMost(DELIVERY).until(() ->
                "ACKNOWLEDGED".equals(awaitAlert("police-demo", tipId).get("status").asString()));
        assertThat(vaksam.acknowledge("mika-demo", police.get("alertId").asString()).status())
                .as("another recipient's alert").isEqualTo(404);
    }

    @Test
    void policeAskTheTipsterAQuestionAndTheReceiptFollowsTheAlertToItsOutcome() throws Exception {
        // One canary in every free text of the conversation: it must never rest or travel in the clear.
        String canary = "canary-" + UUID.randomUUID();
        // No routing rule applies to an adult, unknown exploitation and no control indicator: the police triage it.
        Map<String, Object> tip = hotelTip("NO", "UNKNOWN", List.of("MORE_PEOPLE_THAN_BEDS"),
                hotel("Södra Vägen 50", "412 54"));
        tip.put("description", "Six people in a double room " + canary);
        tip.put("reporterContact", "070-000 00 00 " + canary);
        Vaksam.Response submitted = vaksam.submitTip("hotel", "demo-hotel-key", tip);
        accepted(submitted);
        String tipId = submitted.body().get("tipId").asString();
        String code = submitted.body().get("receiptCode").asString();
        String alertId = awaitAlert("police-demo", tipId).get("alertId").asString();
        awaitReceiptStatus(code, "FORWARDED");

        String question = "Hur många personer såg du? " + canary;
        Vaksam.Response asked = vaksam.ask("police-demo", alertId, question);
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        String questionId = asked.body().get("messageId").asString();

        JsonNode receipt = Awaitility.await("the question on the receipt").atMost(DELIVERY)
                .until(() -> vaksam.receipt(code).body(), body -> body.get("messages").size() == 1);
        JsonNode shown = receipt.get("messages").get(0);
        assertThat(shown.get("messageId").asString()).isEqualTo(questionId);
        assertThat(shown.get("direction").asString()).isEqualTo("QUESTION");
        assertThat(shown.get("text").asString()).isEqualTo(question);
        assertThat(vaksam.receipt(code).raw()).doesNotContain("POLICE").doesNotContain(alertId);

        String answer = "Sex personer, " + canary;
        Vaksam.Response answered = vaksam.answer(code, questionId, answer);
        assertThat(answered.status()).as(answered.raw()).isEqualTo(201);
        String answerId = answered.body().get("messageId").asString();

        JsonNode messages = Awaitility.await("the answer in the police's alert").atMost(DELIVERY)
                .until(() -> vaksam.alert("police-demo", alertId).body().get("messages"),
                        list -> list != null && list.size() == 2);
        assertThat(messages.get(0).get("text").asString()).isEqualTo(question);
        assertThat(messages.get(1).get("messageId").asString()).isEqualTo(answerId);
        assertThat(messages.get(1).get("direction").asString()).isEqualTo("ANSWER");
        assertThat(messages.get(1).get("text").asString()).isEqualTo(answer);

        assertThat(vaksam.acknowledge("police-demo", alertId).status()).isEqualTo(200);
        awaitReceiptStatus(code, "ACKNOWLEDGED");
        // The police have the tip's only alert, so their outcome closes it.
        assertThat(vaksam.outcome("police-demo", alertId, "ACTED").status()).isEqualTo(200);
        JsonNode closed = awaitReceiptStatus(code, "CLOSED");
        assertThat(closed.get("outcomes").valueStream().map(JsonNode::asString).toList()).containsExactly("ACTED");

        // The description, contact, question and answer were each shown opened above, yet no topic and no database
        // of any service holds them in the clear.
        assertThat(Plaintext.topicsContaining(stack.kafkaBootstrap(), tipId))
                .as("the search reads the topics").contains("vaksam.tip.submitted.v1", "vaksam.alert.routed.v1");
        assertThat(Plaintext.topicsContaining(stack.kafkaBootstrap(), canary)).isEmpty();
        assertThat(Plaintext.collectionsContaining(stack.mongoUri(), tipId)).as("the search reads the store")
                .isNotEmpty();
        assertThat(Plaintext.collectionsContaining(stack.mongoUri(), canary)).isEmpty();
    }

    @Test
    void badInputIsRefusedWithProblemDetailsThroughTheGateway() {
        Vaksam.Response unknownKey = vaksam.submitTip("hotel", "not-a-member-key",
                hotelTip("NO", "SEXUAL", List.of("STREAM_OF_MEN"), hotel("Kungsgatan 1", "411 19")));
        assertThat(unknownKey.status()).isEqualTo(401);
        assertThat(unknownKey.contentType()).startsWith("application/problem+json");

        Vaksam.Response unknownIndicator = vaksam.submitTip("hotel", "demo-hotel-key",
                hotelTip("NO", "SEXUAL", List.of("LOOKS_SUSPICIOUS"), hotel("Kungsgatan 1", "411 19")));
        assertThat(unknownIndicator.status()).isEqualTo(400);
        assertThat(unknownIndicator.contentType()).startsWith("application/problem+json");
        assertThat(unknownIndicator.raw()).contains("indicators");

        Vaksam.Response malformed = vaksam.submitRaw("hotel", "demo-hotel-key", "application/json", "{\"observedAt\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    private static JsonNode awaitReceiptStatus(String code, String status) {
        return Awaitility.await("receipt status " + status).atMost(DELIVERY)
                .until(() -> vaksam.receipt(code).body(), body -> status.equals(body.get("status").asString()));
    }
}
