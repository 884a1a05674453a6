package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.NetworkCoordinationApplication;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

// Closed after the class, so its listeners do not go on consuming beside another class's context.
@DirtiesContext
@SpringBootTest(classes = NetworkCoordinationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaksam.mongo.database=network-demo-it", "vaksam.demo.enabled=true",
                "vaksam.security.issuer=" + TestTokens.ISSUER})
class DemoSeedingIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.registerWithTokens(registry);
    }

    @LocalServerPort int port;
    @Autowired MongoDatabase database;
    @Autowired DemoMembers demoMembers;

    @BeforeEach
    void awaitSeeded() {
        Awaitility.await("healthy after seeding").atMost(DEADLINE).until(() -> WebTestClient.bindToServer()
                .responseTimeout(DEADLINE).baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        awaitOutboxEmpty(DemoMembers.HOTEL_ID);
        awaitOutboxEmpty(DemoMembers.TAXI_ID);
    }

    @Test
    void seedsTheDemoMembersOnceAndReportsHealthyWhenDone() {

        List<Record<MemberChanged>> hotel = records(DemoMembers.HOTEL_ID);
        assertThat(hotel).hasSize(1);
        MemberChanged hotelState = hotel.get(0).value();
        assertThat(hotelState.getName()).isEqualTo("Demohotellet Göteborg");
        assertThat(hotelState.getType()).isEqualTo(MemberType.HOTEL);
        assertThat(hotelState.getStatus()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(hotelState.getIntakeKeyHashes()).containsExactly(IntakeKeys.hash("demo-hotel-key"));
        assertThat(new String(hotel.get(0).raw(), StandardCharsets.ISO_8859_1)).doesNotContain("demo-hotel-key");
        List<Record<MemberChanged>> taxi = records(DemoMembers.TAXI_ID);
        MemberChanged taxiState = taxi.get(0).value();
        assertThat(taxiState.getName()).isEqualTo("Demotaxi Väst");
        assertThat(taxiState.getType()).isEqualTo(MemberType.TAXI);
        assertThat(taxiState.getIntakeKeyHashes()).containsExactly(IntakeKeys.hash("demo-taxi-key"));

        Object hotelVersion = storedDocument(DemoMembers.HOTEL_ID).get("version");
        assertThat(demoMembers.seed().block()).as("members changed by seeding again").isZero();
        assertThat(storedDocument(DemoMembers.HOTEL_ID).get("version")).isEqualTo(hotelVersion);
        assertThat(Outbox.entries(storedDocument(DemoMembers.HOTEL_ID))).isEmpty();
        assertThat(Outbox.entries(storedDocument(DemoMembers.TAXI_ID))).isEmpty();
        assertThat(records(DemoMembers.HOTEL_ID)).hasSize(1);
        assertThat(records(DemoMembers.TAXI_ID)).hasSameSizeAs(taxi);
    }

    @Test
    void seedingRestoresAChangedDemoMemberWithOneEvent() {
        int before = records(DemoMembers.TAXI_ID).size();
        WebTestClient.bindToServer().responseTimeout(DEADLINE).baseUrl("http://localhost:" + port).build()
                .post().uri("/api/v1/members/" + DemoMembers.TAXI_ID + "/suspend")
                .headers(h -> h.setBearerAuth(TestTokens.coordinator()))
                .exchange().expectStatus().isOk();

        assertThat(demoMembers.seed().block()).isEqualTo(1);
        awaitOutboxEmpty(DemoMembers.TAXI_ID);
        List<Record<MemberChanged>> taxi = records(DemoMembers.TAXI_ID);
        assertThat(taxi).hasSize(before + 2);
        assertThat(taxi.get(taxi.size() - 1).value().getStatus()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(demoMembers.seed().block()).isZero();
    }

    private static List<Record<MemberChanged>> records(String memberId) {
        return TopicRecords.<MemberChanged>readAll(Topics.MEMBER_CHANGED.name(),
                        SerdeConfig.forRegistry(SchemaRegistryServer.shared().url())).stream()
                .filter(r -> memberId.equals(r.key()))
                .toList();
    }

    private void awaitOutboxEmpty(String memberId) {
        Awaitility.await("outbox of " + memberId + " emptied").atMost(DEADLINE)
                .until(() -> {
                    Document document = storedDocument(memberId);
                    return document != null && Outbox.entries(document).isEmpty();
                });
    }

    private Document storedDocument(String memberId) {
        return Mono.from(database.getCollection(MemberRepository.COLLECTION)
                .find(Filters.eq("_id", memberId)).first()).block();
    }
}
