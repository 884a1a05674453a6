package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.events.bulletin.BulletinStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.NetworkCoordinationApplication;
import se.goteborg.vaksam.network.member.MemberDirectory;
import se.goteborg.vaksam.testsupport.MutableClockConfiguration;
import se.goteborg.vaksam.testsupport.TestTokens;

/**
 * Bulletins through the API on the running service: scheduled ones go out at their time and not before, once, to the
 * matching active members with an address, however many sweeps (replicas, restarts) look at them; scheduled ones are
 * edited and cancelled, published ones only withdrawn; bad input names its fields and stores nothing.
 */
// Closed after the class, so its listeners and sweep do not go on beside another class's context.
@DirtiesContext
@SpringBootTest(classes = {NetworkCoordinationApplication.class, MutableClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.mongo.database=network-bulletins-it", "vaksam.security.issuer=" + TestTokens.ISSUER,
                "vaksam.network.bulletins.sweep-interval=1h",
                "vaksam.network.bulletins.from=Göteborg & Co – Vaksam <natverket@vaksam.example>"})
class BulletinsIT extends BulletinTestBase {

    @Autowired BulletinRepository bulletins;
    @Autowired DeliveryRepository deliveryRepository;
    @Autowired MemberDirectory members;
    @Autowired BulletinMails mails;
    @Autowired BulletinMailer mailer;
    @Autowired BulletinProperties properties;

    @Test
    void aScheduledBulletinGoesOutOnceAtItsTimeToTheMatchingActiveMembersWithAnAddress() throws Exception {
        String hotelAddress = address("hotel");
        String hotel = member("HOTEL", "Hotell Centralen", "CENTRUM", hotelAddress);
        String hostelWithoutAddress = member("HOSTEL", "Vandrarhem Utan Adress", "CENTRUM", null);
        String hotelOnHisingen = member("HOTEL", "Hotell Hisingen", "HISINGEN", address("hisingen"));
        String taxiAddress = address("taxi");
        member("TAXI", "Taxi Centrum", "CENTRUM", taxiAddress);
        String suspendedAddress = address("suspended");
        String suspended = member("HOTEL", "Hotell Avstängt", "CENTRUM", suspendedAddress);
        client().post().uri("/api/v1/members/" + suspended + "/suspend")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange().expectStatus().isOk();
        Instant publishAt = clock.instant().plus(Duration.ofHours(1));

        Map<String, Object> created = create(bulletin("Mässan", List.of("HOTEL", "HOSTEL"), List.of("CENTRUM"),
                publishAt, publishAt.plus(Duration.ofDays(7))));
        String bulletinId = (String) created.get("bulletinId");
        assertThat(created).containsEntry("status", "SCHEDULED").containsEntry("recipients", 0);

        pass();
        clock.advance(Duration.ofMinutes(59));
        pass();
        assertThat(read(bulletinId)).as("not before its time").containsEntry("status", "SCHEDULED");
        assertThat(SMTP.to(hotelAddress)).isEmpty();
        assertThat(stored(bulletinId).containsKey("outbox")).as("nothing announced").isFalse();

        clock.advance(Duration.ofMinutes(1));
        BulletinSweep otherReplica = new BulletinSweep(bulletins, deliveryRepository, members, mails, mailer,
                properties, clock);
        Mono.when(sweep.runOnce(), otherReplica.runOnce()).block(DEADLINE);

        Map<String, Object> sent = awaitDelivery(bulletinId, hotel, Map.of("status", "SENT", "attempts", 1));
        assertThat(sent).containsEntry("memberName", "Hotell Centralen").doesNotContainValue(hotelAddress);
        Map<String, Object> published = read(bulletinId);
        assertThat(published).containsEntry("status", "PUBLISHED").containsEntry("recipients", 2);
        assertThat(deliveries(published)).extracting(d -> d.get("memberId"))
                .containsExactlyInAnyOrder(hotel, hostelWithoutAddress);
        assertThat(delivery(published, hostelWithoutAddress)).containsEntry("status", "NO_ADDRESS")
                .containsEntry("attempts", 0);
        assertThat(published.get("deliveryCounts")).isEqualTo(Map.of("PENDING", 0, "SENT", 1, "FAILED", 0,
                "NO_ADDRESS", 1, "CANCELLED", 0));

        MimeMessage mail = SMTP.to(hotelAddress).get(0);
        assertThat(mail.getFrom()[0].toString()).contains("natverket@vaksam.example");
        assertThat(mail.getSubject()).isEqualTo("Vaksam: Mässan (sv) / Mässan (en)");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat((String) mail.getContent()).contains("Inför mässan", "Before the fair", "Hotell Centralen",
                "http://localhost:8080/intake");
        assertThat(SMTP.to(taxiAddress)).as("another type").isEmpty();
        assertThat(SMTP.to(suspendedAddress)).as("a suspended member").isEmpty();
        assertThat(delivery(published, hotelOnHisingen)).as("another district").isNull();

        awaitOutboxEmpty(bulletinId);
        BulletinChanged event = records(bulletinId).get(0).value();
        assertThat(event.getStatus()).isEqualTo(BulletinStatus.PUBLISHED);
        assertThat(event.getMemberTypes()).containsExactly(MemberType.HOTEL, MemberType.HOSTEL);
        assertThat(event.getDistricts()).containsExactly("CENTRUM");
        assertThat(event.getPublishAt()).isEqualTo(publishAt);
        assertThat(event.toString()).as("no address leaves the service").doesNotContain("@members.example");

        // A restart or a second replica finds everything done: nothing is published or sent again.
        Mono.when(sweep.runOnce(), new BulletinSweep(bulletins, deliveryRepository, members, mails, mailer,
                properties, clock).runOnce()).block(DEADLINE);
        clock.advance(Duration.ofHours(2));
        pass();
        assertThat(SMTP.to(hotelAddress)).as("mailed once").hasSize(1);
        assertThat(records(bulletinId)).as("published once").hasSize(1);
        assertThat(stored(bulletinId).containsKey(BulletinDocuments.DELIVERIES_OPEN))
                .as("nothing left to send").isFalse();

        Map<String, Object> withdrawn = client().post().uri(BulletinHandler.PATH + "/" + bulletinId + "/withdraw")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(withdrawn).containsEntry("status", "WITHDRAWN");
        awaitOutboxEmpty(bulletinId);
        assertThat(records(bulletinId)).extracting(r -> r.value().getStatus())
                .containsExactly(BulletinStatus.PUBLISHED, BulletinStatus.WITHDRAWN);
    }

    @Test
    void aScheduledBulletinIsEditedOrCancelledWhileAPublishedOneCanOnlyBeWithdrawn() {
        String venueAddress = address("venue");
        member("VENUE", "Scen Nordost", "NORDOST", venueAddress);
        Instant publishAt = clock.instant().plus(Duration.ofDays(1));
        Map<String, Object> scheduled = create(bulletin("Konsert", List.of("VENUE"), List.of("NORDOST"), publishAt,
                publishAt.plus(Duration.ofDays(2))));
        String path = BulletinHandler.PATH + "/" + scheduled.get("bulletinId");

        Map<String, Object> edit = bulletin("Konserten flyttad", List.of("VENUE"), List.of("NORDOST"),
                publishAt.plus(Duration.ofHours(1)), publishAt.plus(Duration.ofDays(3)));
        client().put().uri(path).headers(h -> h.setBearerAuth(TestTokens.coordinator())).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(edit).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.titleSv").isEqualTo("Konserten flyttad (sv)")
                .jsonPath("$.publishAt").isEqualTo(publishAt.plus(Duration.ofHours(1)).toString());
        client().put().uri(path).headers(h -> h.setBearerAuth(TestTokens.coordinator())).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(edit).exchange()
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(path + "/withdraw").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        post(path + "/cancel").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        post(path + "/cancel").expectStatus().isOk();

        clock.advance(Duration.ofDays(2));
        pass();
        assertThat(read((String) scheduled.get("bulletinId"))).containsEntry("status", "CANCELLED")
                .containsEntry("deliveries", List.of());
        assertThat(SMTP.to(venueAddress)).isEmpty();
        assertThat(records((String) scheduled.get("bulletinId"))).as("a cancelled bulletin never left").isEmpty();

        Map<String, Object> now = create(bulletin("Nu", List.of("VENUE"), List.of("NORDOST"), null,
                clock.instant().plus(Duration.ofDays(1))));
        String nowPath = BulletinHandler.PATH + "/" + now.get("bulletinId");
        Awaitility.await("published at once").atMost(DEADLINE)
                .until(() -> "PUBLISHED".equals(read((String) now.get("bulletinId")).get("status")));
        client().put().uri(nowPath).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bulletin("Ändrat", List.of(), List.of(), null,
                        clock.instant().plus(Duration.ofDays(1)))).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        post(nowPath + "/cancel").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        post(nowPath + "/withdraw").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        post(nowPath + "/deliveries/retry").expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsStored() {
        int before = list().size();
        Instant now = clock.instant();
        Map<String, Object> bad = Map.of("titleSv", "", "titleEn", "Two\nlines", "bodySv", "x".repeat(2001),
                "memberTypes", List.of("HOTEL", "CASINO"), "districts", List.of("MARS"),
                "publishAt", now.minus(Duration.ofHours(1)).toString(), "expiresAt", "tomorrow");
        client().post().uri(BulletinHandler.PATH).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asList()
                        .containsExactlyInAnyOrder("titleSv", "titleEn", "bodySv", "bodyEn", "memberTypes[1]",
                                "districts[0]", "publishAt", "expiresAt"));
        client().post().uri(BulletinHandler.PATH).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bulletin("Baklänges", List.of(), List.of(), now.plus(Duration.ofDays(2)),
                        now.plus(Duration.ofDays(1)))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("expiresAt")
                .jsonPath("$.errors[0].message").isEqualTo("must be after publishAt");
        client().post().uri(BulletinHandler.PATH).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"titleSv\": ").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(list()).as("nothing stored").hasSize(before);
        post(BulletinHandler.PATH + "/no-such-bulletin/withdraw").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyCoordinatorsUseTheBulletinApi() {
        client().get().uri(BulletinHandler.PATH).exchange().expectStatus().isUnauthorized();
        client().get().uri(BulletinHandler.PATH)
                .headers(h -> h.setBearerAuth(TestTokens.recipient("police-demo", "POLICE"))).exchange()
                .expectStatus().isForbidden();
        client().post().uri(BulletinHandler.PATH)
                .headers(h -> h.setBearerAuth(TestTokens.recipient("lettings-demo", "LETTINGS_GROUP")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bulletin("X", List.of(), List.of(), null,
                        Clock.systemUTC().instant().plus(Duration.ofDays(1))))
                .exchange().expectStatus().isForbidden();
    }

    private List<Map<String, Object>> list() {
        return client().get().uri(BulletinHandler.PATH).headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String path) {
        return client().post().uri(path).headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange();
    }
}
