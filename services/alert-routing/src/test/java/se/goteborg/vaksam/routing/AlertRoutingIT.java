package se.goteborg.vaksam.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertPremises;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.premises.RiskLevel;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topic;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.routing.deadline.AcknowledgementDeadlines;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.MutableClock;
import se.goteborg.vaksam.testsupport.MutableClockConfiguration;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TopicRecords;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

// Closed after the class, so its listeners do not go on consuming beside the next test class's.
@DirtiesContext
@Import(MutableClockConfiguration.class)
@SpringBootTest(properties = {
        "vaksam.mongo.database=alert-routing-it",
        "vaksam.routing.assessment-wait=10s",
        "vaksam.routing.sweep-interval=200ms"})
class AlertRoutingIT {

    static final String TIP_GROUP = "alert-routing-tips";
    static final String ASSESSMENT_GROUP = "alert-routing-assessments";
    static final ByteBuffer SEALED = ByteBuffer.wrap("sealed details".getBytes(StandardCharsets.UTF_8));
    static TopicRecords<AlertRouted> alerts;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry);
    }

    @Autowired EventPublisher publisher;
    @Autowired MongoDatabase database;
    @Autowired MutableClock clock;
    @Autowired AcknowledgementDeadlines deadlines;

    @BeforeEach
    void readAlerts() {
        if (alerts == null) {
            // Only now: the service creates the topics as it starts.
            alerts = new TopicRecords<>(Topics.ALERT_ROUTED.name(),
                    SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()));
        }
    }

    @AfterAll
    static void stopReading() {
        if (alerts != null) {
            alerts.close();
        }
    }

    @Test
    void eachRecipientGetsOneAlertWithExactlyTheFieldsItsRoleNeeds() {
        TipSubmitted tip = hotelTip(SuspectedMinor.NO, ExploitationType.SEXUAL,
                List.of("BOOKER_NOT_OCCUPANT", "CONDOMS_LUBRICANT_CASH"));
        PremisesAssessed assessment = cityLet(tip, 1, List.of());
        Instant routedAt = clock.instant();
        publish(Topics.PREMISES_ASSESSED, tip.getTipId(), assessment);
        publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip);

        Map<Recipient, AlertRouted> byRecipient = awaitAlerts(tip, 4);
        assertThat(byRecipient).containsOnlyKeys(Recipient.POLICE, Recipient.MIKAMOTTAGNINGEN,
                Recipient.REGION_COORDINATORS, Recipient.LETTINGS_GROUP);

        AlertPremises fullPremises = AlertPremises.newBuilder()
                .setName("Hotell Göta")
                .setAddress(tip.getPremises().getAddress())
                .setPremisesId("GBG-L-0001").setLandlord("Higab AB").setCategory("Body care and massage")
                .setRiskIndustry(true)
                .setMatch(MatchLevel.EXACT).setMatchConfidence(1.0).setTipsLast30Days(1).setTipsLast90Days(2)
                .setRiskLevel(RiskLevel.ELEVATED)
                .build();
        List<String> reasons = List.of("SEXUAL_EXPLOITATION", "CONTROL_INDICATORS");
        for (Recipient recipient : List.of(Recipient.POLICE, Recipient.MIKAMOTTAGNINGEN, Recipient.REGION_COORDINATORS)) {
            assertThat(byRecipient.get(recipient)).as(recipient.name()).isEqualTo(base(tip, recipient, Priority.HIGH,
                    reasons, routedAt)
                    .setObservedAt(tip.getObservedAt())
                    .setIndicators(tip.getIndicators())
                    .setSuspectedMinor(SuspectedMinor.NO)
                    .setImmediateDanger(false)
                    .setExploitationType(ExploitationType.SEXUAL)
                    .setPremises(fullPremises)
                    .setSealedDetails(SEALED.duplicate())
                    .build());
        }
        assertThat(byRecipient.get(Recipient.LETTINGS_GROUP)).isEqualTo(base(tip, Recipient.LETTINGS_GROUP,
                Priority.NORMAL, List.of("CITY_LET_PREMISES"), routedAt)
                .setPremises(AlertPremises.newBuilder(fullPremises).setName(null).build())
                .build());
        assertThat(byRecipient.get(Recipient.POLICE).getAcknowledgeBy()).isEqualTo(routedAt.plus(Duration.ofHours(4)));
        AlertRouted lettings = byRecipient.get(Recipient.LETTINGS_GROUP);
        assertThat(lettings.getIndicators()).isEmpty();
        assertThat(lettings.getSuspectedMinor()).isNull();
        assertThat(lettings.getImmediateDanger()).isNull();
        assertThat(lettings.getExploitationType()).isNull();
        assertThat(lettings.getObservedAt()).isNull();
        assertThat(lettings.getTrip()).isNull();
        assertThat(lettings.getSealedDetails()).isNull();
    }

    @Test
    void aTaxiTipCarriesItsTripToEveryRecipientButTheLettingsGroup() {
        TipSubmitted tip = taxiTip(List.of("COMPANION_CONTROLS", "NO_OWN_ID_OR_MONEY"));
        publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip);
        publish(Topics.PREMISES_ASSESSED, tip.getTipId(), cityLet(tip, 1, List.of()));

        Map<Recipient, AlertRouted> byRecipient = awaitAlerts(tip, 4);
        assertThat(byRecipient.get(Recipient.POLICE).getTrip()).isEqualTo(tip.getTrip());
        assertThat(byRecipient.get(Recipient.POLICE).getPremises().getAddress())
                .isEqualTo(tip.getTrip().getDropoff().getAddress());
        assertThat(byRecipient.get(Recipient.MIKAMOTTAGNINGEN).getPriority()).isEqualTo(Priority.HIGH);
        assertThat(byRecipient.get(Recipient.REGION_COORDINATORS).getPriority()).isEqualTo(Priority.HIGH);
        assertThat(byRecipient.get(Recipient.LETTINGS_GROUP).getTrip()).isNull();
        assertThat(byRecipient.get(Recipient.LETTINGS_GROUP).getPremises().getAddress())
                .isEqualTo(tip.getTrip().getDropoff().getAddress());
    }

    @Test
    void aSuspectedMinorGoesToSocialServicesAndPoliceAtOnceAndNeverToMikamottagningen() {
        TipSubmitted tip = hotelTip(SuspectedMinor.YES, ExploitationType.SEXUAL, List.of("YOUNG_PERSON_WITH_OLDER_ADULT"));
        publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip);
        publish(Topics.PREMISES_ASSESSED, tip.getTipId(), notInRegister(tip));

        Map<Recipient, AlertRouted> byRecipient = awaitAlerts(tip, 2);
        assertThat(byRecipient).containsOnlyKeys(Recipient.SOCIAL_SERVICES_CHILDREN, Recipient.POLICE);
        assertThat(byRecipient.values()).allSatisfy(alert -> {
            assertThat(alert.getPriority()).isEqualTo(Priority.IMMEDIATE);
            assertThat(alert.getReasons()).containsExactly("SUSPECTED_MINOR");
        });
    }

    @Test
    void aRepeatRaisesEveryPriorityAndLinksTheAlerts() {
        TipSubmitted tip = hotelTip(SuspectedMinor.NO, ExploitationType.SEXUAL, List.of());
        List<String> earlier = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip);
        publish(Topics.PREMISES_ASSESSED, tip.getTipId(), cityLet(tip, 3, earlier));

        Map<Recipient, AlertRouted> byRecipient = awaitAlerts(tip, 3);
        assertThat(byRecipient).containsOnlyKeys(Recipient.POLICE, Recipient.MIKAMOTTAGNINGEN, Recipient.LETTINGS_GROUP);
        assertThat(byRecipient.values()).allSatisfy(alert -> {
            assertThat(alert.getPriority()).isEqualTo(Priority.HIGH);
            assertThat(alert.getReasons()).contains("REPEAT_PREMISES");
            assertThat(alert.getLinkedTipIds()).containsExactlyElementsOf(earlier);
        });
    }

    @Test
    void duplicateDeliveriesRouteNothingTwice() {
        TipSubmitted tip = hotelTip(SuspectedMinor.NO, ExploitationType.SEXUAL, List.of("LOOKOUTS_IN_CORRIDOR"));
        PremisesAssessed assessment = cityLet(tip, 1, List.of());
        publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip);
        publish(Topics.PREMISES_ASSESSED, tip.getTipId(), assessment);
        awaitAlerts(tip, 4);

        List<RecordMetadata> tipsAgain = List.of(
                publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip),
                publish(Topics.TIP_SUBMITTED, tip.getTipId(),
                        TipSubmitted.newBuilder(tip).setEventId(UUID.randomUUID().toString()).build()));
        List<RecordMetadata> assessmentsAgain = List.of(
                publish(Topics.PREMISES_ASSESSED, tip.getTipId(), assessment),
                publish(Topics.PREMISES_ASSESSED, tip.getTipId(),
                        PremisesAssessed.newBuilder(assessment).setEventId(UUID.randomUUID().toString()).build()));
        tipsAgain.forEach(record -> TopicRecords.awaitHandled(TIP_GROUP, record));
        assessmentsAgain.forEach(record -> TopicRecords.awaitHandled(ASSESSMENT_GROUP, record));
        awaitOutboxEmpty(tip);

        List<AlertRouted> all = alertsOf(tip);
        assertThat(all).hasSize(4);
        assertThat(all).extracting(AlertRouted::getAlertId).doesNotHaveDuplicates();
    }

    @Test
    void aTipWhoseAssessmentIsLateIsRoutedAfterTheLimitAndAmendedWhenItComes() {
        TipSubmitted tip = hotelTip(SuspectedMinor.NO, ExploitationType.SEXUAL, List.of("NO_ID_OR_LUGGAGE"));
        publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip);
        Awaitility.await("tip waiting for its assessment").atMost(TopicRecords.DEADLINE)
                .until(() -> Mono.from(database.getCollection("awaiting_assessment")
                        .find(Filters.eq("_id", tip.getTipId())).first()).blockOptional().isPresent());
        assertThat(alertsOf(tip)).as("no alert before the limit").isEmpty();

        clock.advance(Duration.ofSeconds(11));

        Map<Recipient, AlertRouted> routed = awaitAlerts(tip, 3);
        assertThat(routed).containsOnlyKeys(Recipient.POLICE, Recipient.MIKAMOTTAGNINGEN, Recipient.REGION_COORDINATORS);
        assertThat(routed.get(Recipient.POLICE).getPremises().getPremisesId()).as("not known yet").isNull();

        RecordMetadata late = publish(Topics.PREMISES_ASSESSED, tip.getTipId(), cityLet(tip, 1, List.of()));
        Map<Recipient, AlertRouted> amended = awaitAlerts(tip, 4);
        assertThat(amended.get(Recipient.LETTINGS_GROUP).getPremises().getPremisesId()).isEqualTo("GBG-L-0001");
        assertThat(amended.get(Recipient.LETTINGS_GROUP).getPriority()).isEqualTo(Priority.NORMAL);

        TopicRecords.awaitHandled(ASSESSMENT_GROUP, late);
        awaitOutboxEmpty(tip);
        assertThat(alertsOf(tip)).extracting(AlertRouted::getRecipient).doesNotHaveDuplicates()
                .hasSize(4);
        assertThat(Mono.from(database.getCollection("awaiting_assessment").countDocuments(
                Filters.eq("_id", tip.getTipId()))).block()).isZero();
    }

    @Test
    void aLateAssessmentThatAddsNoRecipientChangesNothing() {
        TipSubmitted tip = hotelTip(SuspectedMinor.NO, ExploitationType.LABOUR, List.of());
        publish(Topics.TIP_SUBMITTED, tip.getTipId(), tip);
        Awaitility.await("tip waiting for its assessment").atMost(TopicRecords.DEADLINE)
                .until(() -> Mono.from(database.getCollection("awaiting_assessment")
                        .find(Filters.eq("_id", tip.getTipId())).first()).blockOptional().isPresent());
        clock.advance(Duration.ofSeconds(11));
        assertThat(awaitAlerts(tip, 2)).containsOnlyKeys(Recipient.POLICE, Recipient.REGION_COORDINATORS);

        TopicRecords.awaitHandled(ASSESSMENT_GROUP,
                publish(Topics.PREMISES_ASSESSED, tip.getTipId(), notInRegister(tip)));

        Document routing = Mono.from(database.getCollection("routings").find(Filters.eq("_id", tip.getTipId()))
                .first()).block();
        assertThat(routing.getBoolean("assessmentApplied")).isTrue();
        assertThat(routing.getList("recipients", String.class)).containsExactly("POLICE", "REGION_COORDINATORS");
        assertThat(alertsOf(tip)).hasSize(2);
    }

    private Map<Recipient, AlertRouted> awaitAlerts(TipSubmitted tip, int count) {
        List<AlertRouted> routed = alerts.awaitMatching(ofTip(tip), count).stream().map(Record::value).toList();
        assertThat(routed).as("alerts of tip").hasSize(count);
        routed.forEach(alert -> assertThat(alert.getAlertId()).isEqualTo(UUID.nameUUIDFromBytes(
                (tip.getTipId() + ":" + alert.getRecipient()).getBytes(StandardCharsets.UTF_8)).toString()));
        return routed.stream().collect(Collectors.toMap(AlertRouted::getRecipient, Function.identity()));
    }

    private void awaitOutboxEmpty(TipSubmitted tip) {
        Awaitility.await("routing outbox of the tip sent").atMost(TopicRecords.DEADLINE).until(() -> {
            Document routing = Mono.from(database.getCollection("routings").find(Filters.eq("_id", tip.getTipId()))
                    .first()).block();
            return routing != null && Outbox.entries(routing).isEmpty();
        });
    }

    /** Every alert of the tip published so far. */
    private static List<AlertRouted> alertsOf(TipSubmitted tip) {
        return alerts.allMatching(ofTip(tip)).stream().map(Record::value).toList();
    }

    private static Predicate<Record<AlertRouted>> ofTip(TipSubmitted tip) {
        return alert -> alert.value().getTipId().equals(tip.getTipId());
    }

    private <V extends SpecificRecord> RecordMetadata publish(Topic<String, V> topic, String key, V value) {
        return publisher.publish(topic, key, value).block().getRecordMetadata();
    }

    private AlertRouted.Builder base(TipSubmitted tip, Recipient recipient, Priority priority,
                                            List<String> reasons, Instant routedAt) {
        String alertId = UUID.nameUUIDFromBytes((tip.getTipId() + ":" + recipient).getBytes(StandardCharsets.UTF_8))
                .toString();
        return AlertRouted.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("alert-routed:" + alertId).getBytes(StandardCharsets.UTF_8))
                        .toString())
                .setAlertId(alertId)
                .setTipId(tip.getTipId())
                .setRecipient(recipient)
                .setPriority(priority)
                .setReasons(reasons)
                .setRulesVersion("v2")
                .setRoutedAt(routedAt)
                .setAcknowledgeBy(deadlines.acknowledgeBy(priority, routedAt))
                .setChannel(tip.getChannel());
    }

    static TipSubmitted hotelTip(SuspectedMinor minor, ExploitationType type, List<String> indicators) {
        return tip(Channel.HOTEL, minor, type, indicators)
                .setPremises(HotelPremises.newBuilder().setName("Hotell Göta").setRoom("312")
                        .setAddress(address("Kungsgatan 12", "411 19")).build())
                .build();
    }

    static TipSubmitted taxiTip(List<String> indicators) {
        Instant observed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return tip(Channel.TAXI, SuspectedMinor.NO, ExploitationType.SEXUAL, indicators)
                .setTrip(TaxiTrip.newBuilder()
                        .setPickup(TripStop.newBuilder().setAddress(address("Centralstationen", "411 03"))
                                .setTime(observed.minusSeconds(900)).build())
                        .setDropoff(TripStop.newBuilder().setAddress(address("Kungsgatan 12", "411 19"))
                                .setTime(observed).build())
                        .setPassengers(2).setVehicleRef("TX 123").build())
                .build();
    }

    private static Address address(String street, String postalCode) {
        return Address.newBuilder().setStreetAddress(street).setPostalCode(postalCode).setCity("Göteborg").build();
    }

    private static TipSubmitted.Builder tip(Channel channel, SuspectedMinor minor, ExploitationType type,
                                            List<String> indicators) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return TipSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTipId(UUID.randomUUID().toString())
                .setMemberId("member-it")
                .setChannel(channel)
                .setSubmittedAt(now)
                .setObservedAt(now.minusSeconds(600))
                .setIndicators(indicators)
                .setSuspectedMinor(minor)
                .setImmediateDanger(false)
                .setExploitationType(type)
                .setSealedDetails(SEALED.duplicate());
    }

    static PremisesAssessed cityLet(TipSubmitted tip, int tipsLast30Days, List<String> linked) {
        return assessment(tip).setMatch(MatchLevel.EXACT)
                .setPremisesId("GBG-L-0001").setPropertyDesignation("Inom Vallgraven 12:4").setLandlord("Higab AB")
                .setIndustryCode("96.040").setCategory("Body care and massage").setRiskIndustry(true)
                .setMatchConfidence(1.0).setTipsLast30Days(tipsLast30Days).setTipsLast90Days(tipsLast30Days + 1)
                .setRiskLevel(RiskLevel.ELEVATED).setLinkedTipIds(linked)
                .build();
    }

    static PremisesAssessed notInRegister(TipSubmitted tip) {
        return assessment(tip).setMatch(MatchLevel.NONE).build();
    }

    private static PremisesAssessed.Builder assessment(TipSubmitted tip) {
        return PremisesAssessed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTipId(tip.getTipId())
                .setAssessedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setAddressKey("kungsgatan 12|41119");
    }
}
