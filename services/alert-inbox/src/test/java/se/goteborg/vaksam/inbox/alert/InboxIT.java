package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.events.followup.FollowUpMessage;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.platform.sealing.Opener;
import se.goteborg.vaksam.platform.sealing.SealingException;
import se.goteborg.vaksam.platform.sealing.TipsterOpener;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

class InboxIT extends InboxTestBase {

    @Test
    void eachRecipientSeesOnlyItsOwnAlertsAndOpensItsDetailsAudited() {
        String tipId = "tip-" + UUID.randomUUID();
        byte[] sealed = AlertEvents.seal(SEALER, tipId, "Äldre man talar för ung kvinna", "reception@hotell.test");
        String policeAlert = AlertEvents.alertId(tipId, Recipient.POLICE);
        String mikaAlert = AlertEvents.alertId(tipId, Recipient.MIKAMOTTAGNINGEN);
        publish(AlertEvents.hotel(tipId, Recipient.POLICE, sealed).build());
        publish(AlertEvents.hotel(tipId, Recipient.MIKAMOTTAGNINGEN, sealed).build());

        List<Map<String, Object>> police = awaitListed(POLICE, policeAlert);
        List<Map<String, Object>> mika = awaitListed(MIKA, mikaAlert);
        assertThat(police).extracting(a -> a.get("alertId")).doesNotContain(mikaAlert);
        assertThat(police).extracting(a -> a.get("recipient")).containsOnly("POLICE");
        assertThat(mika).extracting(a -> a.get("alertId")).doesNotContain(policeAlert);
        assertThat(mika).extracting(a -> a.get("recipient")).containsOnly("MIKAMOTTAGNINGEN");
        Map<String, Object> listed = police.stream().filter(a -> a.get("alertId").equals(policeAlert)).findFirst()
                .orElseThrow();
        assertThat(listed).containsEntry("tipId", tipId).containsEntry("priority", "HIGH")
                .containsEntry("status", "NEW").containsEntry("channel", "HOTEL")
                .containsEntry("createdAt", "2026-11-27T20:00:00Z").containsEntry("detailsState", "AVAILABLE")
                .containsEntry("reasons", List.of("ADULT_SEXUAL_CONTROL_INDICATOR"))
                .containsEntry("indicators", List.of("BOOKER_NOT_OCCUPANT", "SOMEONE_SPEAKS_FOR_PERSON"))
                .containsEntry("suspectedMinor", "NO").containsEntry("exploitationType", "SEXUAL")
                .doesNotContainKeys("details", "sealedDetails", "outbox", "trip");
        assertThat(listed.get("premises")).asString().contains("Kvarngatan 1", "P-17");

        client().get().uri("/api/v1/alerts/" + mikaAlert).headers(h -> h.setBearerAuth(POLICE)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(openings(mikaAlert)).isEmpty();

        client().get().uri("/api/v1/alerts/" + policeAlert).headers(h -> h.setBearerAuth(POLICE)).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.detailsState").isEqualTo("OPENED")
                .jsonPath("$.details.description").isEqualTo("Äldre man talar för ung kvinna")
                .jsonPath("$.details.reporterContact").isEqualTo("reception@hotell.test")
                .jsonPath("$.premises.address.streetAddress").isEqualTo("Kvarngatan 1");
        List<Document> openings = openings(policeAlert);
        assertThat(openings).hasSize(1);
        assertThat(openings.get(0)).containsEntry("subject", "police-demo").containsEntry("recipient", "POLICE")
                .containsEntry("tipId", tipId).containsKey("openedAt");
    }

    @Test
    void theLettingsGroupNeverGetsDetails() {
        String tipId = "tip-" + UUID.randomUUID();
        byte[] sealed = AlertEvents.seal(SEALER, tipId, "beskrivning", "kontakt");
        String alertId = AlertEvents.alertId(tipId, Recipient.LETTINGS_GROUP);
        publish(AlertEvents.hotel(tipId, Recipient.LETTINGS_GROUP, sealed).setPriority(Priority.NORMAL).build());

        assertThat(awaitListed(LETTINGS, alertId)).filteredOn(a -> a.get("alertId").equals(alertId))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("detailsState", "NONE"));
        client().get().uri("/api/v1/alerts/" + alertId).headers(h -> h.setBearerAuth(LETTINGS)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.details").doesNotExist()
                .jsonPath("$.detailsState").isEqualTo("NONE")
                .jsonPath("$.premises.premisesId").isEqualTo("P-17");
        // Even a lettings token that claims the recipient role gets nothing.
        client().get().uri("/api/v1/alerts/" + alertId)
                .headers(h -> h.setBearerAuth(TestTokens.token("lettings-demo", "LETTINGS_GROUP",
                        List.of("RECIPIENT", "LETTINGS"))))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.details").doesNotExist();
        assertThat(stored(alertId).get("sealedDetails")).isNull();
        assertThat(openings(alertId)).isEmpty();
    }

    @Test
    void acknowledgingPublishesExactlyOneStatusChangeAndTheOutcomeClosesTheAlert() {
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.POLICE);
        AlertRouted routed = AlertEvents.taxi(tipId, Recipient.POLICE).build();
        publish(routed);
        awaitListed(POLICE, alertId);

        post(alertId, "acknowledge", MIKA, null).expectStatus().isNotFound();
        Map<String, Object> first = post(alertId, "acknowledge", POLICE, null).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(first).containsEntry("status", "ACKNOWLEDGED").containsEntry("acknowledgedBy", "police-demo");
        Map<String, Object> second = post(alertId, "acknowledge", POLICE, null).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(second).isEqualTo(first);

        awaitOutboxEmpty(alertId);
        List<Record<AlertStatusChanged>> changes = statusChanges(alertId);
        assertThat(changes).hasSize(1);
        AlertStatusChanged ack = changes.get(0).value();
        assertThat(ack.getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(ack.getActor()).as("the organisation, never a person").isEqualTo("POLICE");
        assertThat(ack.getTipId()).isEqualTo(tipId);
        assertThat(ack.getRecipient()).isEqualTo(Recipient.POLICE);

        // A replayed AlertRouted is harmless; a re-routing updates the routing facts but not the inbox state.
        publish(routed);
        publish(AlertEvents.taxi(tipId, Recipient.POLICE).setPriority(Priority.IMMEDIATE)
                .setLinkedTipIds(List.of("tip-earlier")).build());
        Awaitility.await("re-routed alert raised to IMMEDIATE").atMost(DEADLINE)
                .until(() -> "IMMEDIATE".equals(stored(alertId).getString("priority")));
        client().get().uri("/api/v1/alerts/" + alertId).headers(h -> h.setBearerAuth(POLICE)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.linkedTipIds[0]").isEqualTo("tip-earlier")
                .jsonPath("$.trip.vehicleRef").isEqualTo("ABC123")
                .jsonPath("$.detailsState").isEqualTo("NONE");
        assertThat(listed(POLICE)).filteredOn(a -> a.get("alertId").equals(alertId)).hasSize(1);

        post(alertId, "outcome", POLICE, Map.of("outcome", "ACTED")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED").jsonPath("$.outcome").isEqualTo("ACTED");
        post(alertId, "outcome", POLICE, Map.of("outcome", "ACTED")).expectStatus().isOk();
        post(alertId, "outcome", POLICE, Map.of("outcome", "NO_ACTION")).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(alertId, "acknowledge", POLICE, null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        awaitOutboxEmpty(alertId);
        changes = statusChanges(alertId);
        assertThat(changes).extracting(r -> r.value().getStatus())
                .containsExactly(AlertStatus.ACKNOWLEDGED, AlertStatus.OUTCOME_RECORDED);
        assertThat(changes.get(1).value().getOutcome()).isEqualTo("ACTED");
        assertThat(changes.get(1).value().getActor()).isEqualTo("POLICE");
    }

    @Test
    void badRequestsAreRefusedWithProblemDetails() {
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.MIKAMOTTAGNINGEN);
        publish(AlertEvents.hotel(tipId, Recipient.MIKAMOTTAGNINGEN, null).build());
        awaitListed(MIKA, alertId);

        post(alertId, "outcome", MIKA, Map.of()).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("outcome");
        post(alertId, "outcome", MIKA, Map.of("outcome", "MAYBE")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("outcome");
        client().post().uri("/api/v1/alerts/" + alertId + "/outcome").headers(h -> h.setBearerAuth(MIKA))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("ACTED").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        client().get().uri("/api/v1/alerts?status=OPEN&limit=0").headers(h -> h.setBearerAuth(MIKA)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("status", "limit"));
        client().get().uri("/api/v1/alerts?status=NEW").headers(h -> h.setBearerAuth(MIKA)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[*].status").value(statuses ->
                        assertThat(statuses.toString()).doesNotContain("ACKNOWLEDGED", "CLOSED"));

        client().get().uri("/api/v1/alerts").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/v1/alerts")
                .headers(h -> h.setBearerAuth(TestTokens.token("coordinator-demo", null, List.of("COORDINATOR"))))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored(alertId).getString("status")).isEqualTo("NEW");
    }

    @Test
    void detailsThatDoNotOpenAreReportedUnreadableAndTheAttemptIsStillAudited() {
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.SOCIAL_SERVICES_CHILDREN);
        byte[] sealedForAnotherTip = AlertEvents.seal(SEALER, "another-tip", "d", "c");
        publish(AlertEvents.hotel(tipId, Recipient.SOCIAL_SERVICES_CHILDREN, sealedForAnotherTip).build());
        String social = TestTokens.recipient("social-children-demo", "SOCIAL_SERVICES_CHILDREN");
        awaitListed(social, alertId);

        client().get().uri("/api/v1/alerts/" + alertId).headers(h -> h.setBearerAuth(social)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.detailsState").isEqualTo("UNREADABLE")
                .jsonPath("$.details").doesNotExist();
        assertThat(openings(alertId)).hasSize(1);
    }

    @Test
    void theRecipientAsksTheTipsterAndReadsTheAnswerAudited() {
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.POLICE);
        publish(AlertEvents.taxi(tipId, Recipient.POLICE).build());
        awaitListed(POLICE, alertId);
        String canary = "canary-question-" + UUID.randomUUID();

        post(alertId, "questions", MIKA, Map.of("text", canary)).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(alertId, "questions", TestTokens.token("coordinator-demo", null, List.of("COORDINATOR")),
                Map.of("text", canary)).expectStatus().isForbidden();
        for (Object text : new Object[] {null, "   ", "x".repeat(1001), "fråga\u0000"}) {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("text", text);
            post(alertId, "questions", POLICE, body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        }
        assertThat(stored(alertId).get(FollowUps.FIELD)).as("nothing stored for refused questions").isNull();

        Map<String, Object> created = post(alertId, "questions", POLICE, Map.of("text", " " + canary + "\nVilken bil? "))
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        String questionId = (String) created.get("messageId");
        assertThat(questionId).isNotBlank();

        awaitOutboxEmpty(alertId);
        List<Record<FollowUpMessage>> questions = followUps(tipId);
        assertThat(questions).hasSize(1);
        FollowUpMessage question = questions.get(0).value();
        assertThat(new String(questions.get(0).raw(), StandardCharsets.ISO_8859_1)).doesNotContain(canary);
        assertThat(question.getDirection()).isEqualTo(Direction.QUESTION);
        assertThat(question.getMessageId()).isEqualTo(questionId);
        assertThat(question.getAlertId()).isEqualTo(alertId);
        assertThat(question.getRecipient()).isEqualTo(Recipient.POLICE);
        byte[] sealedQuestion = bytes(question.getSealedText());
        // What tip-intake does with the tipster private keyset; the inbox's own key cannot open it.
        assertThat(new String(TipsterOpener.fromPrivateKeyset(TIPSTER_KEYS.privateKeyset())
                .open(sealedQuestion, tipId, questionId), StandardCharsets.UTF_8)).isEqualTo(canary + "\nVilken bil?");
        assertThatThrownBy(() -> Opener.fromPrivateKeyset(KEYS.privateKeyset()).open(sealedQuestion, tipId))
                .isInstanceOf(SealingException.class);
        assertThat(stored(alertId).toJson()).doesNotContain(canary);

        FollowUpMessage answer = AlertEvents.answer(SEALER, tipId, alertId, Recipient.POLICE, "En grå Volvo");
        String answerId = answer.getMessageId();
        publisher.publish(Topics.FOLLOW_UP_MESSAGE, tipId, answer).block(DEADLINE);
        publisher.publish(Topics.FOLLOW_UP_MESSAGE, tipId, answer).block(DEADLINE);
        // An answer naming this alert for another recipient is not this alert's.
        publisher.publish(Topics.FOLLOW_UP_MESSAGE, tipId, FollowUpMessage.newBuilder(answer)
                .setEventId(UUID.randomUUID().toString()).setMessageId(UUID.randomUUID().toString())
                .setRecipient(Recipient.MIKAMOTTAGNINGEN).build()).block(DEADLINE);
        Awaitility.await("answer stored").atMost(DEADLINE)
                .until(() -> FollowUps.of(stored(alertId)).size() == 2);

        client().get().uri("/api/v1/alerts/" + alertId).headers(h -> h.setBearerAuth(POLICE)).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.messages.length()").isEqualTo(2)
                .jsonPath("$.messages[0].messageId").isEqualTo(questionId)
                .jsonPath("$.messages[0].direction").isEqualTo("QUESTION")
                .jsonPath("$.messages[0].text").isEqualTo(canary + "\nVilken bil?")
                .jsonPath("$.messages[1].messageId").isEqualTo(answerId)
                .jsonPath("$.messages[1].direction").isEqualTo("ANSWER")
                .jsonPath("$.messages[1].text").isEqualTo("En grå Volvo");
        assertThat(openings(alertId)).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("subject", "police-demo")
                        .containsEntry("opened", List.of("MESSAGES"))
                        .containsEntry("messageIds", List.of(questionId, answerId)));
        client().get().uri("/api/v1/alerts").headers(h -> h.setBearerAuth(POLICE)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[*].messages").isEmpty();
        assertThat(followUps(tipId)).filteredOn(r -> r.value().getDirection() == Direction.QUESTION).hasSize(1);
    }
}
