package se.goteborg.vaksam.premises.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.premises.notice.AssessedTip;
import se.goteborg.vaksam.premises.notice.NoticeService;
import se.goteborg.vaksam.premises.register.PremisesMatch;
import se.goteborg.vaksam.premises.register.PremisesMatcher;
import se.goteborg.vaksam.premises.register.RegisterEntry;
import se.goteborg.vaksam.testsupport.MongoStore;

/**
 * The assessment's flow on the real store with the register lookup and the notices stubbed: a lookup that hangs or
 * fails still gives an assessment in bounded time, and a redelivered tip makes sure of its notice.
 */
class AssessmentServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");
    private static final RegisterEntry SALON = new RegisterEntry("GBG-L-0001", "Inom Vallgraven 12:4",
            "Kungsgatan 12", "411 19", "Göteborg", "Higab AB", "559900-0011", "Lotus Massage & Spa AB", "96.040",
            LocalDate.parse("2023-03-01"), null);

    private static MongoClient client;
    private MongoDatabase database;
    private PremisesMatcher matcher;
    private NoticeService notices;
    private AssessmentService service;

    @BeforeAll
    static void store() {
        client = MongoClients.create(MongoStore.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void setUp() {
        database = client.getDatabase("assessment-test-" + UUID.randomUUID());
        matcher = mock(PremisesMatcher.class);
        notices = mock(NoticeService.class);
        when(notices.noteTip(any())).thenReturn(Mono.empty());
        PremisesProperties properties = new PremisesProperties(List.of("96.04"), List.of("*massage*"),
                Duration.ofDays(30), Duration.ofDays(90), 3, Duration.ofMillis(200));
        service = new AssessmentService(new AssessmentRepository(database), new TipHistoryRepository(database),
                matcher, new IndustryClassifier(properties), notices, properties, mock(OutboxRelay.class),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aRegisterLookupThatHangsIsGivenUpAndTheTipAssessedWithoutAMatch() {
        when(matcher.match(any(), any(), any())).thenReturn(Mono.never());
        TipSubmitted tip = tip("Kungsgatan 12", "411 19");

        Instant started = Instant.now();
        service.assess(tip).block(Duration.ofSeconds(10));

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
        Document stored = assessment(tip);
        assertThat(stored.getString("match")).isEqualTo("NONE");
        assertThat(stored.getString("premisesKey")).as("counted by address meanwhile").isEqualTo("kungsgatan 12|41119");
        assertThat(stored.getList("riskReasons", String.class)).containsExactly("REGISTER_UNAVAILABLE");
        assertThat(stored.getList("outbox", Document.class)).as("the event is on its way").hasSize(1);
        verify(notices, never()).noteTip(any());
    }

    @Test
    void aLookupThatFailsOnceIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        when(matcher.match(any(), any(), any())).thenAnswer(call -> Mono.defer(() -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("store hiccup"))
                : Mono.just(new PremisesMatch(MatchLevel.EXACT, 1, SALON, "kungsgatan 12|41119"))));
        TipSubmitted tip = tip("Kungsgatan 12", "411 19");

        service.assess(tip).block(Duration.ofSeconds(10));

        Document stored = assessment(tip);
        assertThat(stored.getString("match")).isEqualTo("EXACT");
        assertThat(stored.getString("riskLevel")).isEqualTo(RiskLevel.ELEVATED.name());
        assertThat(stored.getList("riskReasons", String.class)).containsExactly("CITY_LET", "RISK_INDUSTRY");
    }

    @Test
    void aMatchedTipIsNotedOnItsNoticeAndAgainWhenItIsDeliveredAgain() {
        when(matcher.match(any(), any(), any()))
                .thenReturn(Mono.just(new PremisesMatch(MatchLevel.PROBABLE, 0.9, SALON, "kungsg 12|41119")));
        TipSubmitted tip = tip("Kungsg. 12", "41119");

        service.assess(tip).block(Duration.ofSeconds(10));
        service.assess(tip).block(Duration.ofSeconds(10));

        ArgumentCaptor<AssessedTip> noted = ArgumentCaptor.forClass(AssessedTip.class);
        verify(notices, times(2)).noteTip(noted.capture());
        assertThat(noted.getAllValues().get(1)).as("the stored assessment, not a new one")
                .isEqualTo(noted.getAllValues().get(0));
        AssessedTip first = noted.getValue();
        assertThat(first.premisesId()).isEqualTo("GBG-L-0001");
        assertThat(first.assessedAt()).isEqualTo(NOW);
        assertThat(first.match()).isEqualTo(MatchLevel.PROBABLE);
        assertThat(first.riskReasons()).containsExactly("CITY_LET", "PROBABLE_MATCH", "RISK_INDUSTRY");
        assertThat(first.premises().riskIndustry()).isTrue();
        assertThat(first.premises().landlord()).isEqualTo("Higab AB");
        verify(matcher, times(1)).match(any(), any(), any());
    }

    @Test
    void aTipWithoutAnAddressIsAssessedAlone() {
        TipSubmitted tip = TipSubmitted.newBuilder(tip("x", "x")).setPremises(null).build();

        service.assess(tip).block(Duration.ofSeconds(10));

        Document stored = assessment(tip);
        assertThat(stored.getString("match")).isEqualTo("NONE");
        assertThat(stored.getString("premisesKey")).isNull();
        assertThat(stored.getInteger("tipsLast90Days")).isEqualTo(1);
        verify(matcher, never()).match(any(), any(), any());
    }

    private Document assessment(TipSubmitted tip) {
        return Mono.from(database.getCollection(AssessmentRepository.COLLECTION)
                .find(Filters.eq("_id", tip.getTipId())).first()).block(Duration.ofSeconds(10));
    }

    private static TipSubmitted tip(String street, String postalCode) {
        return TipSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTipId(UUID.randomUUID().toString())
                .setMemberId("member-test")
                .setChannel(Channel.HOTEL)
                .setSubmittedAt(NOW)
                .setObservedAt(NOW.minusSeconds(600))
                .setIndicators(List.of("PAID_CASH_OR_PREPAID"))
                .setSuspectedMinor(SuspectedMinor.NO)
                .setImmediateDanger(false)
                .setExploitationType(ExploitationType.SEXUAL)
                .setPremises(HotelPremises.newBuilder().setName("Hotell Test").setRoom("412")
                        .setAddress(Address.newBuilder().setStreetAddress(street).setPostalCode(postalCode)
                                .setCity("Göteborg").build())
                        .build())
                .build();
    }
}
