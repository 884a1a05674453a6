package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.network.RunningServiceTest;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

@TestPropertySource(properties = "vaksam.mongo.database=network-members-it")
class MembersIT extends RunningServiceTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Test
    void enrollingPublishesTheKeyHashOnlyAndRevokingPublishesOnce() {
        Map<String, Object> issued = enrol("HOTEL", "Hotell Kvarnen", "556000-0001");
        String key = (String) issued.get("intakeKey");
        String memberId = member(issued).get("memberId").toString();
        assertThat(key).startsWith("vk_").hasSizeGreaterThan(40);
        assertThat(member(issued)).containsEntry("status", "ACTIVE").containsEntry("intakeKeys", 1)
                .containsEntry("orgNumber", "556000-0001").doesNotContainKey("intakeKeyHashes");

        Record<MemberChanged> enrolled = awaitRecords(memberId, 1).get(0);
        assertThat(enrolled.value().getStatus()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(enrolled.value().getIntakeKeyHashes()).containsExactly(IntakeKeys.hash(key));
        assertThat(new String(enrolled.raw(), StandardCharsets.ISO_8859_1)).doesNotContain(key);
        assertThat(storedDocument(memberId).toJson()).doesNotContain(key);

        Map<String, Object> revoked = post("/api/v1/members/" + memberId + "/revoke", TestTokens.coordinator())
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(revoked).containsEntry("status", "REVOKED").containsEntry("intakeKeys", 0);
        Record<MemberChanged> revocation = awaitRecords(memberId, 2).get(1);
        assertThat(revocation.value().getStatus()).isEqualTo(MemberStatus.REVOKED);
        assertThat(revocation.value().getIntakeKeyHashes()).isEmpty();

        post("/api/v1/members/" + memberId + "/revoke", TestTokens.coordinator())
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REVOKED");
        awaitOutboxEmpty(memberId);
        assertThat(records(memberId)).as("revoking twice publishes once").hasSize(2);

        post("/api/v1/members/" + memberId + "/suspend", TestTokens.coordinator())
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/v1/members/" + memberId + "/keys", TestTokens.coordinator())
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void rotatingReplacesTheKeyAndSuspensionKeepsIt() {
        Map<String, Object> issued = enrol("TAXI", "Taxi Test AB", "5561000018");
        String memberId = member(issued).get("memberId").toString();
        String firstKey = (String) issued.get("intakeKey");

        Map<String, Object> rotated = post("/api/v1/members/" + memberId + "/keys", TestTokens.coordinator())
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(JSON).returnResult().getResponseBody();
        String secondKey = (String) rotated.get("intakeKey");
        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(awaitRecords(memberId, 2).get(1).value().getIntakeKeyHashes())
                .containsExactly(IntakeKeys.hash(secondKey));
        // A new key asked for on the version read before the last key was issued issues none.
        client().post().uri("/api/v1/members/" + memberId + "/keys").headers(h -> h.setBearerAuth(
                        TestTokens.coordinator())).header("If-Match", "\"0\"")
                .exchange().expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);

        post("/api/v1/members/" + memberId + "/suspend", TestTokens.coordinator())
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUSPENDED");
        MemberChanged suspended = awaitRecords(memberId, 3).get(2).value();
        assertThat(suspended.getStatus()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(suspended.getIntakeKeyHashes()).containsExactly(IntakeKeys.hash(secondKey));

        post("/api/v1/members/" + memberId + "/activate", TestTokens.coordinator())
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        assertThat(awaitRecords(memberId, 4).get(3).value().getStatus()).isEqualTo(MemberStatus.ACTIVE);

        client().get().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.memberId == '" + memberId + "')].name").isEqualTo("Taxi Test AB")
                .jsonPath("$[*].intakeKey").doesNotExist();
        client().get().uri("/api/v1/members/" + memberId).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.type").isEqualTo("TAXI");
    }

    @Test
    void editingPublishesTheNewDistrictAndAStaleVersionIsRefused() {
        Map<String, Object> issued = enrol("HOTEL", "Hotell Backa", "556000-0001");
        String memberId = member(issued).get("memberId").toString();
        assertThat(member(issued)).containsEntry("district", "CENTRUM").containsEntry("version", 0);
        Map<String, Object> edit = Map.of("type", "HOSTEL", "name", "Vandrarhem Backa", "orgNumber", "556000-0001",
                "address", Map.of("streetAddress", "Exportgatan 2", "postalCode", "42246", "city", "Hisings Backa"),
                "contact", Map.of("name", "Receptionen", "email", "reception@backa.example"),
                "joinedOn", "2026-01-15");

        Map<String, Object> edited = client().put().uri("/api/v1/members/" + memberId)
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(edit)
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(edited).containsEntry("district", "HISINGEN").containsEntry("type", "HOSTEL")
                .containsEntry("joinedOn", "2026-01-15").containsEntry("status", "ACTIVE").containsEntry("version", 1);
        assertThat(edited.get("address")).isEqualTo(Map.of("streetAddress", "Exportgatan 2", "postalCode", "422 46",
                "city", "Hisings Backa"));
        MemberChanged published = awaitRecords(memberId, 2).get(1).value();
        assertThat(published.getDistrict()).isEqualTo("HISINGEN");
        assertThat(published.getName()).isEqualTo("Vandrarhem Backa");
        assertThat(published.toString()).as("the contact stays in this service")
                .doesNotContain("reception@backa.example").doesNotContain("Exportgatan");

        client().put().uri("/api/v1/members/" + memberId)
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "HOTEL", "name", "Gammalt namn",
                        "orgNumber", "556000-0001"))
                .exchange().expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().put().uri("/api/v1/members/" + memberId)
                .headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "HOTEL", "name", "Hotell",
                        "orgNumber", "556000-0001", "contact", Map.of("email", "nope")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("contact.email");
        awaitOutboxEmpty(memberId);
        assertThat(records(memberId)).as("refused edits publish nothing").hasSize(2);
    }

    @Test
    void onlyCoordinatorsMayManageMembers() {
        client().get().uri("/api/v1/members").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/api/v1/members")
                .headers(h -> h.setBearerAuth(TestTokens.token("police-demo", "POLICE", List.of("RECIPIENT"))))
                .exchange().expectStatus().isForbidden();
        client().post().uri("/api/v1/members")
                .headers(h -> h.setBearerAuth(TestTokens.token("lettings-demo", "LETTINGS_GROUP", List.of("LETTINGS"))))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "HOTEL", "name", "X", "orgNumber", "556000-0001"))
                .exchange().expectStatus().isForbidden();
        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void badInputIsAnsweredWithProblemDetailsNamingTheFields() {
        client().post().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("type", "name", "orgNumber"));
        client().post().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "HOTEL", "name", "Hotell", "orgNumber", "556000-0002"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("orgNumber");
        client().post().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "CASINO", "name", "Hotell", "orgNumber", "556000-0001"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        client().post().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"type\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().post().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("HOTEL")
                .exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        post("/api/v1/members/no-such-member/revoke", TestTokens.coordinator())
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anEnrolmentWithAnIdempotencyKeyMakesOneMemberHoweverOftenItIsSent() {
        String key = "enrol-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("type", "HOSTEL", "name", "Vandrarhem Omförsök", "orgNumber", "556000-0001");
        String memberId = member(enrolWith(key, body).expectStatus().isCreated().expectBody(JSON).returnResult()
                .getResponseBody()).get("memberId").toString();

        enrolWith(key, body).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.memberId").isEqualTo(memberId);
        awaitOutboxEmpty(memberId);
        assertThat(records(memberId)).hasSize(1);
        assertThat(memberNames()).containsOnlyOnce("Vandrarhem Omförsök");

        enrolWith("two words", Map.of("type", "HOSTEL", "name", "Vandrarhem Felnyckel", "orgNumber", "556000-0001"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(memberNames()).doesNotContain("Vandrarhem Felnyckel");
    }

    private WebTestClient.ResponseSpec enrolWith(String idempotencyKey, Map<String, Object> body) {
        return client().post().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private List<Object> memberNames() {
        return client().get().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange().expectStatus().isOk().expectBodyList(JSON).returnResult().getResponseBody().stream()
                .map(member -> member.get("name")).toList();
    }

    private Map<String, Object> enrol(String type, String name, String orgNumber) {
        return client().post().uri("/api/v1/members").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", type, "name", name, "orgNumber", orgNumber, "district", "Centrum"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/members/[0-9a-f-]{36}")
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(JSON)
                .value(body -> assertThat((String) body.get("enrolmentUrl"))
                        .isEqualTo("http://localhost:8080/intake/enrol/" + body.get("intakeKey")))
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> issued) {
        return (Map<String, Object>) issued.get("member");
    }

    private WebTestClient.ResponseSpec post(String path, String token) {
        return client().post().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static List<Record<MemberChanged>> awaitRecords(String memberId, int count) {
        return MemberRecords.await(memberId, count);
    }

    private static List<Record<MemberChanged>> records(String memberId) {
        return MemberRecords.of(memberId);
    }

    private void awaitOutboxEmpty(String memberId) {
        Awaitility.await("outbox of " + memberId + " emptied").atMost(DEADLINE)
                .until(() -> Outbox.entries(storedDocument(memberId)).isEmpty());
    }

    private Document storedDocument(String memberId) {
        return Mono.from(database.getCollection(MemberRepository.COLLECTION)
                .find(Filters.eq("_id", memberId)).first()).block();
    }
}
