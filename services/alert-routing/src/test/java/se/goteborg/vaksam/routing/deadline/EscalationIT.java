package se.goteborg.vaksam.routing.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.ProcessedEvents;
import se.goteborg.vaksam.platform.events.SerdeConfig;
import se.goteborg.vaksam.platform.events.Topic;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.routing.AlertRoutingApplication;
import se.goteborg.vaksam.testsupport.Infrastructure;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.MongoStore;
import se.goteborg.vaksam.testsupport.MutableClock;
import se.goteborg.vaksam.testsupport.MutableClockConfiguration;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TopicRecords;

/**
 * Acknowledgement deadlines on the real broker, registry and store, with time moved by an injected clock: an alert
 * nobody acknowledged is escalated to its recipient's duty contact once, and only once its deadline has passed; an
 * acknowledged or closed alert never is, whichever event comes first; and a fresh instance of the service escalates
 * the timers an earlier one started. The scheduled sweep runs as the service starts and then hourly, so every later
 * escalation here is the test's own call to the sweep.
 */
@Import(MutableClockConfiguration.class)
@SpringBootTest(properties = {
        "vaksam.mongo.database=" + EscalationIT.DATABASE,
        "vaksam.routing.escalation.sweep-interval=1h"})
@DirtiesContext
class EscalationIT {

    static final String DATABASE = "alert-routing-escalation-it";
    static final Duration DEADLINE = Duration.ofSeconds(60);
    static TopicRecords<AlertStatusChanged> statusChanges;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry);
    }

    @Autowired EventPublisher publisher;
    @Autowired MongoDatabase database;
    @Autowired MutableClock clock;
    @Autowired EscalationService escalations;
    @Autowired ProcessedEvents processedEvents;

    @BeforeEach
    void readStatusChanges() {
        if (statusChanges == null) {
            statusChanges = new TopicRecords<>(Topics.ALERT_STATUS_CHANGED.name(),
                    SerdeConfig.forRegistry(SchemaRegistryServer.shared().url()));
        }
    }

    @AfterAll
    static void stopReading() {
        if (statusChanges != null) {
            statusChanges.close();
        }
    }

    @Test
    void anUnacknowledgedAlertIsEscalatedToTheDutyContactOnceItsDeadlineHasPassed() {
        Instant routedAt = clock.instant();
        AlertRouted alert = alert(Recipient.SOCIAL_SERVICES_CHILDREN, Priority.IMMEDIATE, routedAt,
                routedAt.plus(Duration.ofMinutes(15)));
        publish(Topics.ALERT_ROUTED, alert.getAlertId(), alert);
        awaitOpen(alert);

        clock.set(alert.getAcknowledgeBy().minusSeconds(1));
        escalations.escalateOverdue(10_000).block();
        assertThat(escalation(alert)).isNull();

        clock.set(alert.getAcknowledgeBy().plusSeconds(1));
        escalations.escalateOverdue(10_000).block();
        escalations.escalateOverdue(10_000).block();

        AlertStatusChanged escalated = awaitStatus(alert, AlertStatus.ESCALATED);
        assertThat(escalated.getRecipient()).isEqualTo(Recipient.SOCIAL_SERVICES_CHILDREN);
        assertThat(escalated.getTipId()).isEqualTo(alert.getTipId());
        assertThat(escalated.getPriority()).isEqualTo(Priority.IMMEDIATE);
        assertThat(escalated.getAcknowledgeBy()).isEqualTo(alert.getAcknowledgeBy());
        assertThat(escalated.getChangedAt()).isEqualTo(alert.getAcknowledgeBy().plusSeconds(1));
        assertThat(escalated.getEscalatedTo()).isEqualTo("Socialjouren Göteborg (socialjour i tjänst)");
        assertThat(escalated.getActor()).isEqualTo("alert-routing");
        assertThat(open(alert)).isNull();
        assertThat(statusChanges.allMatching(r -> r.key().equals(alert.getAlertId())))
                .as("one escalation, however many sweeps").hasSize(1);
    }

    @Test
    void anAlertAcknowledgedInTimeIsNeverEscalated() {
        Instant routedAt = clock.instant();
        AlertRouted alert = alert(Recipient.POLICE, Priority.HIGH, routedAt, routedAt.plus(Duration.ofHours(4)));
        publish(Topics.ALERT_ROUTED, alert.getAlertId(), alert);
        awaitOpen(alert);
        AlertStatusChanged ack = status(alert, AlertStatus.ACKNOWLEDGED, routedAt.plus(Duration.ofHours(1)));
        publish(Topics.ALERT_STATUS_CHANGED, alert.getAlertId(), ack);
        awaitProcessed(DeadlineListener.STATUS_CONSUMER, ack.getEventId());

        clock.set(routedAt.plus(Duration.ofHours(5)));
        escalations.escalateOverdue(10_000).block();

        assertThat(escalation(alert)).isNull();
        assertThat(open(alert)).isNull();
    }

    @Test
    void anOutcomeRecordedBeforeTheAlertIsReadBackStopsItsTimerToo() {
        Instant routedAt = clock.instant();
        AlertRouted alert = alert(Recipient.MIKAMOTTAGNINGEN, Priority.NORMAL, routedAt, routedAt.plus(Duration.ofDays(3)));
        AlertStatusChanged closed = status(alert, AlertStatus.OUTCOME_RECORDED, routedAt.plusSeconds(60));
        publish(Topics.ALERT_STATUS_CHANGED, alert.getAlertId(), closed);
        awaitProcessed(DeadlineListener.STATUS_CONSUMER, closed.getEventId());
        publish(Topics.ALERT_ROUTED, alert.getAlertId(), alert);
        awaitProcessed(DeadlineListener.ROUTED_CONSUMER, alert.getEventId());

        clock.set(routedAt.plus(Duration.ofDays(30)));
        escalations.escalateOverdue(10_000).block();

        assertThat(open(alert)).isNull();
        assertThat(escalation(alert)).isNull();
    }

    @Test
    void aRestartedServiceEscalatesTheTimersAnEarlierOneStarted() {
        Instant routedAt = clock.instant();
        AlertRouted alert = alert(Recipient.REGION_COORDINATORS, Priority.HIGH, routedAt,
                routedAt.plus(Duration.ofHours(4)));
        publish(Topics.ALERT_ROUTED, alert.getAlertId(), alert);
        awaitOpen(alert);

        MutableClock laterClock = new MutableClock(routedAt.plus(Duration.ofHours(6)));
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(AlertRoutingApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", laterClock))
                .properties(Map.of(
                        "server.port", "0",
                        "spring.kafka.bootstrap-servers", KafkaBroker.bootstrapServers(),
                        "vaksam.registry.url", SchemaRegistryServer.shared().url(),
                        "vaksam.mongo.uri", MongoStore.uri(),
                        "vaksam.mongo.database", DATABASE,
                        "vaksam.routing.escalation.sweep-interval", "1h"))
                .run()) {
            // Its first sweep runs as it starts; calling one more must not escalate again.
            restarted.getBean(EscalationService.class).escalateOverdue(10_000).block();

            AlertStatusChanged escalation = awaitStatus(alert, AlertStatus.ESCALATED);
            assertThat(escalation.getChangedAt()).isEqualTo(laterClock.instant());
            assertThat(escalation.getEscalatedTo()).startsWith("Regionkoordinatorerna");
            assertThat(statusChanges.allMatching(r -> r.key().equals(alert.getAlertId()))).hasSize(1);
        }
    }

    private Document open(AlertRouted alert) {
        return find(DeadlineRepository.OPEN, alert.getAlertId());
    }

    private Document escalation(AlertRouted alert) {
        return find(DeadlineRepository.ESCALATIONS, alert.getAlertId());
    }

    private Document find(String collection, String id) {
        return Mono.from(database.getCollection(collection).find(Filters.eq("_id", id)).first()).block();
    }

    private void awaitOpen(AlertRouted alert) {
        Awaitility.await("the deadline of alert " + alert.getAlertId() + " started").atMost(DEADLINE)
                .until(() -> open(alert) != null);
        assertThat(open(alert).getDate("dueAt").toInstant()).isEqualTo(alert.getAcknowledgeBy());
    }

    private void awaitProcessed(String consumer, String eventId) {
        Awaitility.await(consumer + " handled " + eventId).atMost(DEADLINE)
                .until(() -> processedEvents.seen(consumer, eventId).block());
    }

    private static AlertStatusChanged awaitStatus(AlertRouted alert, AlertStatus status) {
        return Awaitility.await(status + " of alert " + alert.getAlertId() + " on the topic").atMost(DEADLINE)
                .until(() -> statusChanges.allMatching(r -> r.key().equals(alert.getAlertId())
                        && r.value().getStatus() == status), found -> !found.isEmpty())
                .get(0).value();
    }

    private <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value) {
        publisher.publish(topic, key, value).block();
    }

    private static AlertRouted alert(Recipient recipient, Priority priority, Instant routedAt, Instant acknowledgeBy) {
        String tipId = UUID.randomUUID().toString();
        String alertId = UUID.nameUUIDFromBytes((tipId + ":" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
        return AlertRouted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alertId)
                .setTipId(tipId)
                .setRecipient(recipient)
                .setPriority(priority)
                .setReasons(List.of("TEST"))
                .setRulesVersion("v2")
                .setRoutedAt(routedAt.truncatedTo(ChronoUnit.MILLIS))
                .setAcknowledgeBy(acknowledgeBy.truncatedTo(ChronoUnit.MILLIS))
                .setChannel(Channel.HOTEL)
                .build();
    }

    private static AlertStatusChanged status(AlertRouted alert, AlertStatus status, Instant at) {
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alert.getAlertId())
                .setTipId(alert.getTipId())
                .setRecipient(alert.getRecipient())
                .setStatus(status)
                .setOutcome(status == AlertStatus.OUTCOME_RECORDED ? "ACTED" : null)
                .setChangedAt(at)
                .setActor(alert.getRecipient().name())
                .build();
    }
}
