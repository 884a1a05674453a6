package se.goteborg.vaksam.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static se.goteborg.vaksam.intake.IntakeTestSupport.send;
import static se.goteborg.vaksam.intake.IntakeTestSupport.sha256;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.events.followup.FollowUpMessage;
import se.goteborg.vaksam.intake.intake.TipStatus;
import se.goteborg.vaksam.intake.receipt.ReceiptView;
import se.goteborg.vaksam.intake.receipt.Receipts;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.platform.sealing.Opener;
import se.goteborg.vaksam.platform.sealing.TipsterSealer;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TopicRecords;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The receipt on the real broker, registry and store: alert-routing's and alert-inbox's events reach the receipt the
 * way those services publish them, and the tipster's answers leave on the follow-up topic sealed to alert-inbox.
 */
@SpringBootTest(classes = TipIntakeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ReceiptIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String KEY = "receipt-it-key-" + RUN;
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, "receipt-it-" + RUN);
    }

    @Autowired WebTestClient client;
    @Autowired MongoDatabase database;
    @Autowired Receipts receipts;

    @BeforeEach
    void member() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        IntakeTestSupport.member(database, "receipt-it-" + RUN, "ACTIVE", sha256(KEY));
    }

    @Test
    void theReceiptFollowsTheAlertsWhateverTheOrderAndShowsOnlyOutcomeCodes() {
        Map<String, String> tip = submitTip();
        String tipId = tip.get("tipId");
        String code = tip.get("receiptCode");
        String police = UUID.randomUUID().toString();
        String mika = UUID.randomUUID().toString();

        AlertRouted policeRouted = routed(tipId, police, Recipient.POLICE);
        // The acknowledgement overtakes its routing; the routing comes twice.
        send(Topics.ALERT_STATUS_CHANGED.name(), police, changed(tipId, police, Recipient.POLICE, AlertStatus.ACKNOWLEDGED, null));
        send(Topics.ALERT_ROUTED.name(), police, policeRouted);
        send(Topics.ALERT_ROUTED.name(), mika, routed(tipId, mika, Recipient.MIKAMOTTAGNINGEN));
        send(Topics.ALERT_ROUTED.name(), police, policeRouted);
        awaitStatus(code, TipStatus.ACKNOWLEDGED);

        send(Topics.ALERT_STATUS_CHANGED.name(), police, changed(tipId, police, Recipient.POLICE, AlertStatus.OUTCOME_RECORDED, "ACTED"));
        send(Topics.ALERT_STATUS_CHANGED.name(), mika, changed(tipId, mika, Recipient.MIKAMOTTAGNINGEN, AlertStatus.ESCALATED, null));
        // Only when every alert of the tip has its outcome is the tip closed.
        send(Topics.ALERT_STATUS_CHANGED.name(), mika, changed(tipId, mika, Recipient.MIKAMOTTAGNINGEN, AlertStatus.OUTCOME_RECORDED, "PASSED_ON"));
        awaitStatus(code, TipStatus.CLOSED);

        client.get().uri("/api/v1/receipts/{code}", code).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.outcomes").isEqualTo(List.of("ACTED", "PASSED_ON"))
                .jsonPath("$.messages").isEmpty();
        assertThat(receiptJson(code)).doesNotContain("POLICE", "MIKAMOTTAGNINGEN", police, mika);
    }

    @Test
    void aQuestionIsOpenedOnTheReceiptAndTheAnswerLeavesSealedForTheInboxOnly() {
        Map<String, String> tip = submitTip();
        String tipId = tip.get("tipId");
        String code = tip.get("receiptCode");
        String alertId = UUID.randomUUID().toString();
        String questionId = UUID.randomUUID().toString();
        String question = "Vilken färg hade jackan? " + RUN;
        String canary = "canary-answer-" + UUID.randomUUID();
        FollowUpMessage asked = question(tipId, alertId, questionId, question);

        send(Topics.FOLLOW_UP_MESSAGE.name(), tipId, asked);
        send(Topics.FOLLOW_UP_MESSAGE.name(), tipId, asked);
        send(Topics.FOLLOW_UP_MESSAGE.name(), tipId, FollowUpMessage.newBuilder(asked)
                .setEventId(UUID.randomUUID().toString()).build());
        Awaitility.await("question on the receipt").atMost(DEADLINE)
                .until(() -> receipts.find(code).block().messages().size() == 1);
        assertThat(tipDocument(tipId).toJson()).doesNotContain(question);

        client.get().uri("/api/v1/receipts/{code}", code).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.messages.length()").isEqualTo(1)
                .jsonPath("$.messages[0].messageId").isEqualTo(questionId)
                .jsonPath("$.messages[0].direction").isEqualTo("QUESTION")
                .jsonPath("$.messages[0].text").isEqualTo(question)
                .jsonPath("$.messages[0].questionId").doesNotExist();

        Map<String, Object> created = client.post().uri("/api/v1/receipts/{code}/answers", code.toLowerCase())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("questionId", questionId, "text", "  " + canary + "\nmörkblå  "))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody(MAP).returnResult().getResponseBody();
        String answerId = (String) created.get("messageId");
        assertThat(answerId).isNotBlank();

        awaitOutboxEmpty(tipId);
        List<Record<FollowUpMessage>> answers = TopicRecords.<FollowUpMessage>readAll(Topics.FOLLOW_UP_MESSAGE.name(),
                        SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())).stream()
                .filter(r -> r.key().equals(tipId) && r.value().getDirection() == Direction.ANSWER)
                .toList();
        assertThat(answers).hasSize(1);
        FollowUpMessage answer = answers.get(0).value();
        assertThat(new String(answers.get(0).raw(), StandardCharsets.ISO_8859_1)).doesNotContain(canary);
        assertThat(answer.getMessageId()).isEqualTo(answerId);
        assertThat(answer.getAlertId()).isEqualTo(alertId);
        assertThat(answer.getRecipient()).isEqualTo(Recipient.POLICE);
        assertThat(answer.getTipId()).isEqualTo(tipId);
        // What alert-inbox does with its private keyset:
        assertThat(new String(Opener.fromPrivateKeyset(IntakeTestSupport.KEYS.privateKeyset())
                .open(bytes(answer.getSealedText()), tipId), StandardCharsets.UTF_8))
                .isEqualTo(canary + "\nmörkblå");
        assertThat(tipDocument(tipId).toJson()).doesNotContain(canary);

        ReceiptView view = receipts.find(code).block();
        assertThat(view.messages()).hasSize(2);
        assertThat(view.messages().get(1).messageId()).isEqualTo(answerId);
        assertThat(view.messages().get(1).direction()).isEqualTo("ANSWER");
        assertThat(view.messages().get(1).questionId()).isEqualTo(questionId);
        assertThat(view.messages().get(1).text()).isEqualTo(canary + "\nmörkblå");
    }

    @Test
    void badAnswersAreProblemsNamingTheFieldAndUnknownCodesAreNotFound() {
        Map<String, String> tip = submitTip();
        String tipId = tip.get("tipId");
        String code = tip.get("receiptCode");
        String questionId = UUID.randomUUID().toString();
        send(Topics.FOLLOW_UP_MESSAGE.name(), tipId, question(tipId, UUID.randomUUID().toString(), questionId, "Fråga?"));
        Awaitility.await("question on the receipt").atMost(DEADLINE)
                .until(() -> receipts.find(code).block().messages().size() == 1);

        expectProblem(code, Map.of("questionId", UUID.randomUUID().toString(), "text", "svar"), "questionId");
        expectProblem(code, Map.of("text", "svar"), "questionId");
        expectProblem(code, Map.of("questionId", questionId, "text", "   "), "text");
        expectProblem(code, Map.of("questionId", questionId, "text", "x".repeat(2001)), "text");
        expectProblem(code, Map.of("questionId", questionId, "text", "svar\u0007"), "text");
        client.post().uri("/api/v1/receipts/{code}/answers", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("questionId", questionId, "text", "ok", "extra", 1)).exchange()
                .expectStatus().isBadRequest();
        client.post().uri("/api/v1/receipts/{code}/answers", "VK-0000-0000-0000-0000")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("questionId", questionId, "text", "svar"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(receipts.answer("not-a-code", questionId, "svar").blockOptional()).isEmpty();
        assertThat(receipts.answer(code, questionId, "x".repeat(2000)).block().messages()).hasSize(2);
        try {
            receipts.answer(code, "not-a-question", "svar").block();
            throw new AssertionError("an answer to no question was accepted");
        } catch (InvalidFieldsException e) {
            assertThat(e.problems()).extracting(p -> p.field()).containsExactly("questionId");
        }
        awaitOutboxEmpty(tipId);
        assertThat(answersOnTopic(tipId)).as("only the one valid answer was sent").isEqualTo(1);
    }

    private void expectProblem(String code, Map<String, Object> body, String field) {
        client.post().uri("/api/v1/receipts/{code}/answers", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields).asList().containsExactly(field));
    }

    private static long answersOnTopic(String tipId) {
        return TopicRecords.<FollowUpMessage>readAll(Topics.FOLLOW_UP_MESSAGE.name(),
                        SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())).stream()
                .filter(r -> r.key().equals(tipId) && r.value().getDirection() == Direction.ANSWER)
                .count();
    }

    /**
     * A tip accepted and its TipSubmitted published: the in-memory registry fails concurrent first registrations
     * (H2 "concurrent update"), so the test's own events wait until the service's have registered.
     */
    private Map<String, String> submitTip() {
        Map<String, String> receipt = acceptedTip();
        awaitOutboxEmpty(receipt.get("tipId"));
        return receipt;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> acceptedTip() {
        return Awaitility.await("tip accepted").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var result = client.post().uri("/api/v1/tips/hotel").headers(h -> h.setBearerAuth(KEY))
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(Bodies.json(Bodies.with(IntakeTestSupport.hotelTip(), "observedAt",
                                    Instant.now().minusSeconds(600).toString())))
                            .exchange()
                            .expectBody(Map.class)
                            .returnResult();
                    return result.getStatus().value() == 201 ? (Map<String, String>) result.getResponseBody() : null;
                }, receipt -> receipt != null);
    }

    private void awaitStatus(String code, TipStatus status) {
        Awaitility.await("receipt " + status).atMost(DEADLINE).until(() -> receipts.find(code).block().status() == status);
    }

    private String receiptJson(String code) {
        return client.get().uri("/api/v1/receipts/{code}", code).exchange().expectBody(String.class)
                .returnResult().getResponseBody();
    }

    private void awaitOutboxEmpty(String tipId) {
        Awaitility.await("outbox of " + tipId + " sent").atMost(DEADLINE)
                .until(() -> tipDocument(tipId).getList("outbox", Document.class).isEmpty());
    }

    private Document tipDocument(String tipId) {
        return Mono.from(database.getCollection("tips").find(new Document("_id", tipId)).first()).block();
    }

    private static AlertRouted routed(String tipId, String alertId, Recipient recipient) {
        return AlertRouted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alertId)
                .setTipId(tipId)
                .setRecipient(recipient)
                .setPriority(Priority.HIGH)
                .setReasons(List.of("ADULT_SEXUAL_CONTROL_INDICATOR"))
                .setRulesVersion("it")
                .setRoutedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setChannel(Channel.HOTEL)
                .build();
    }

    private static AlertStatusChanged changed(String tipId, String alertId, Recipient recipient, AlertStatus status,
                                              String outcome) {
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alertId)
                .setTipId(tipId)
                .setRecipient(recipient)
                .setStatus(status)
                .setOutcome(outcome)
                .setChangedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setActor(recipient.name())
                .build();
    }

    /** A question as alert-inbox sends it: sealed with the tipster public key to this tip and message. */
    private static FollowUpMessage question(String tipId, String alertId, String messageId, String text) {
        byte[] sealed = TipsterSealer.fromPublicKeyset(IntakeTestSupport.TIPSTER_KEYS.publicKeyset())
                .seal(text.getBytes(StandardCharsets.UTF_8), tipId, messageId);
        return FollowUpMessage.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setMessageId(messageId)
                .setTipId(tipId)
                .setAlertId(alertId)
                .setRecipient(Recipient.POLICE)
                .setDirection(Direction.QUESTION)
                .setSealedText(ByteBuffer.wrap(sealed))
                .setSentAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
