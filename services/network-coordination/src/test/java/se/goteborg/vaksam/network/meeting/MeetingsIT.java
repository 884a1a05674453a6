package se.goteborg.vaksam.network.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

import com.mongodb.client.model.Filters;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.network.RunningServiceTest;
import se.goteborg.vaksam.network.meeting.MeetingDirectory.MeetingSummary;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.pages.HtmlPage;
import se.goteborg.vaksam.testsupport.pages.PageBrowser;

/**
 * Meetings and their attendance through the API and the pages, on the running service and its real store (members
 * enrolled through the member API, so the broker and registry are in it too): attendees must be members, every
 * offending field is named, edits are made on a version, forms sent twice record once, and only coordinators with
 * the page's CSRF token get anything done.
 */
@TestPropertySource(properties = "vaksam.mongo.database=network-meetings-it")
class MeetingsIT extends RunningServiceTest {

    private static final String API = "/api/v1/network/meetings";
    private static final String COORDINATOR = TestTokens.token("coordinator", null, List.of("COORDINATOR"));
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired MeetingDirectory directory;

    @Test
    void aMeetingIsRecordedReadEditedOnItsVersionAndDeleted() {
        String hotel = enrol("HOTEL", "Hotell Möte");
        String taxi = enrol("TAXI", "Taxi Möte");
        LocalDate heldOn = LocalDate.of(2026, 3, 12);

        Map<String, Object> created = client().post().uri(API).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "MEETING", "title", "Nätverksmöte inför Gothia Cup", "heldOn",
                        heldOn.toString(), "attendeeMemberIds", List.of(taxi, hotel, taxi)))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueMatches("Location", API + "/[0-9a-f-]{36}")
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody(JSON).returnResult().getResponseBody();
        String meetingId = (String) created.get("meetingId");
        assertThat(created).containsEntry("kind", "MEETING").containsEntry("heldOn", "2026-03-12")
                .containsEntry("version", 0);
        assertThat(created.get("attendeeMemberIds")).as("each attendee once")
                .isEqualTo(List.of(hotel, taxi).stream().sorted().toList());
        get(meetingId).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.title").isEqualTo("Nätverksmöte inför Gothia Cup");
        client().get().uri(API).headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.meetingId == '" + meetingId + "')].kind")
                .isEqualTo("MEETING");
        assertThat(directory.heldBetween(heldOn, heldOn.plusDays(1)).collectList().block(DEADLINE))
                .as("the figures read it through the directory")
                .containsExactly(new MeetingSummary(meetingId, MeetingKind.MEETING, "Nätverksmöte inför Gothia Cup",
                        heldOn, Set.of(hotel, taxi)));

        Map<String, Object> training = Map.of("kind", "TRAINING", "title", "Utbildning för receptionister",
                "heldOn", heldOn.toString(), "attendeeMemberIds", List.of(hotel));
        put(meetingId, "\"0\"", training).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.kind").isEqualTo("TRAINING").jsonPath("$.attendeeMemberIds.length()")
                .isEqualTo(1);
        // The same edit again changes nothing, so it is no conflict.
        put(meetingId, "\"0\"", training).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        put(meetingId, "\"0\"", Map.of("kind", "MEETING", "title", "Gammal rubrik", "heldOn", heldOn.toString()))
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored(meetingId).getString("title")).isEqualTo("Utbildning för receptionister");

        client().delete().uri(API + "/" + meetingId).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange().expectStatus().isNoContent();
        get(meetingId).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().delete().uri(API + "/" + meetingId).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void badInputNamesEveryFieldAndUnknownMembersAreRefusedWithNothingStored() {
        String hotel = enrol("HOTEL", "Hotell Fel");
        long before = meetings();
        post("{}").expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("kind", "title", "heldOn"));
        post(Map.of("kind", "MEETING", "title", "Möte", "heldOn", LocalDate.now().plusDays(2).toString(),
                "attendeeMemberIds", List.of(hotel, "no-such-member", "demo-hotel")))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("heldOn", "attendeeMemberIds[1]", "attendeeMemberIds[2]"));
        post(Map.of("kind", "PARTY", "title", "x".repeat(201), "heldOn", "12 mars"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        post(Map.of("kind", "MEETING", "title", "x".repeat(201), "heldOn", "12 mars"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("title", "heldOn"));
        client().put().uri(API + "/no-such-meeting").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "MEETING", "title", "Möte", "heldOn", "2026-01-01"))
                .exchange().expectStatus().isNotFound();
        client().put().uri(API + "/no-such-meeting").headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .header(HttpHeaders.IF_MATCH, "latest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "MEETING", "title", "Möte", "heldOn", "2026-01-01"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("If-Match");
        assertThat(meetings()).as("nothing stored").isEqualTo(before);

        client().get().uri(API).exchange().expectStatus().isUnauthorized();
        client().get().uri(API).headers(h -> h.setBearerAuth(TestTokens.recipient("police-demo", "POLICE")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aCoordinatorRecordsAttendanceThroughThePagesOnceAndEditsItOnAVersion() {
        String hotel = enrol("HOTEL", "Hotell Sidan");
        String taxi = enrol("TAXI", "Taxi Sidan");
        String gone = enrol("VENUE", "Klubben som gick");
        String goneAndThere = enrol("VENUE", "Klubben som var med");
        PageBrowser coordinator = browser(COORDINATOR);

        HtmlPage blank = coordinator.get("/network/meetings/new").assertWellFormed();
        assertThat(blank.text("#group-HOTEL legend")).isEqualTo("Hotell");
        assertThat(blank.html().select("#group-TAXI #attendee-" + taxi)).hasSize(1);
        MultiValueMap<String, String> form = blank.form("#meeting-form");
        form.set("title", "Utbildning inför Way Out West");
        form.set("kind", "TRAINING");
        form.set("heldOn", "2026-08-01");
        form.addAll("attendee", List.of(hotel, taxi, goneAndThere));
        assertThat(coordinator.post("/network/meetings", form).headers().getLocation()).hasQuery("done=recorded");
        HtmlPage twice = coordinator.post("/network/meetings", form);
        assertThat(twice.status()).as("the form sent twice").isEqualTo(303);
        List<Document> recorded = meetingsTitled("Utbildning inför Way Out West");
        assertThat(recorded).as("recorded once").hasSize(1);
        String meetingId = recorded.get(0).getString("_id");

        HtmlPage list = coordinator.get("/network/meetings?done=recorded").assertWellFormed();
        assertThat(list.text("#done")).isEqualTo("Mötet är registrerat.");
        assertThat(list.html().select("#meetings tr[data-meeting-id=" + meetingId + "] td").eachText())
                .containsExactly("2026-08-01", "Utbildning", "3");

        client().post().uri("/api/v1/members/" + gone + "/revoke")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange().expectStatus().isOk();
        client().post().uri("/api/v1/members/" + goneAndThere + "/revoke")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange().expectStatus().isOk();
        HtmlPage editing = coordinator.get("/network/meetings/" + meetingId).assertWellFormed();
        assertThat(editing.html().select("#attendee-" + gone)).as("a revoked member not there").isEmpty();
        assertThat(editing.html().select("#attendee-" + goneAndThere)).as("a revoked member that was there")
                .hasSize(1);
        assertThat(editing.text("label[for=attendee-" + goneAndThere + "]")).contains("Återkallad");
        assertThat(coordinator.get("/network/meetings/new").html().select("#attendee-" + goneAndThere)).isEmpty();
        MultiValueMap<String, String> mine = editing.form("#meeting-form");
        MultiValueMap<String, String> theirs = coordinator.get("/network/meetings/" + meetingId).form("#meeting-form");
        assertThat(mine.get("attendee")).containsExactlyInAnyOrder(hotel, taxi, goneAndThere);
        mine.put("attendee", List.of(hotel, goneAndThere));
        assertThat(coordinator.post("/network/meetings/" + meetingId, mine).headers().getLocation())
                .hasQuery("done=edited");
        assertThat(coordinator.post("/network/meetings/" + meetingId, mine).status()).as("sent twice")
                .isEqualTo(303);
        theirs.set("title", "Någon annans rubrik");
        HtmlPage conflict = coordinator.post("/network/meetings/" + meetingId, theirs).assertWellFormed();
        assertThat(conflict.status()).isEqualTo(412);
        assertThat(conflict.text("h1")).isEqualTo("Ändrat av någon annan");
        Document stored = stored(meetingId);
        assertThat(stored.getString("title")).isEqualTo("Utbildning inför Way Out West");
        assertThat(stored.getList("attendeeMemberIds", String.class)).containsExactlyInAnyOrder(hotel, goneAndThere);
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(1);

        MultiValueMap<String, String> wrong = coordinator.get("/network/meetings/" + meetingId).form("#meeting-form");
        wrong.set("title", " ");
        wrong.set("heldOn", LocalDate.now().plusDays(3).toString());
        wrong.add("attendee", "no-such-member");
        HtmlPage refused = coordinator.post("/network/meetings/" + meetingId, wrong).assertWellFormed();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#error-summary a").eachAttr("href"))
                .containsExactly("#title", "#heldOn", "#attendees");
        assertThat(refused.form("#meeting-form").getFirst("heldOn")).as("kept as typed")
                .isEqualTo(wrong.getFirst("heldOn"));

        HtmlPage confirmation = coordinator.get("/network/meetings/" + meetingId + "/delete").assertWellFormed();
        MultiValueMap<String, String> delete = confirmation.form("#delete-form");
        delete.remove("_csrf");
        assertThat(coordinator.post("/network/meetings/" + meetingId + "/delete", delete).status())
                .as("no CSRF token").isEqualTo(403);
        assertThat(browser(TestTokens.token("police-officer", "POLICE", List.of("RECIPIENT")))
                .get("/network/meetings").text("h1")).isEqualTo("Du har inte behörighet");
        assertThat(stored(meetingId)).isNotNull();
        delete = confirmation.form("#delete-form");
        assertThat(coordinator.post("/network/meetings/" + meetingId + "/delete", delete).headers().getLocation())
                .hasQuery("done=deleted");
        assertThat(coordinator.post("/network/meetings/" + meetingId + "/delete", delete).status()).isEqualTo(303);
        assertThat(stored(meetingId)).isNull();
    }

    private String enrol(String type, String name) {
        Map<String, Object> issued = client().post().uri("/api/v1/members")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", type, "name", name, "orgNumber", "556000-0001", "district", "CENTRUM"))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) issued.get("member")).get("memberId");
    }

    private WebTestClient.ResponseSpec get(String meetingId) {
        return client().get().uri(API + "/" + meetingId).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return client().post().uri(API).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(String meetingId, String ifMatch, Object body) {
        return client().put().uri(API + "/" + meetingId).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .header(HttpHeaders.IF_MATCH, ifMatch).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private long meetings() {
        return Mono.from(database.getCollection(MeetingRepository.COLLECTION).countDocuments()).block(DEADLINE);
    }

    private List<Document> meetingsTitled(String title) {
        return Flux.from(database.getCollection(MeetingRepository.COLLECTION).find(Filters.eq("title", title)))
                .collectList().block(DEADLINE);
    }

    private Document stored(String meetingId) {
        return Mono.from(database.getCollection(MeetingRepository.COLLECTION).find(Filters.eq("_id", meetingId))
                .first()).block(DEADLINE);
    }
}
