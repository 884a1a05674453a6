package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.network.NetworkCoordinationApplication;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.KafkaBroker;
import se.goteborg.vaksam.testsupport.MongoStore;
import se.goteborg.vaksam.testsupport.MutableClock;
import se.goteborg.vaksam.testsupport.MutableClockConfiguration;
import se.goteborg.vaksam.testsupport.SchemaRegistryServer;
import se.goteborg.vaksam.testsupport.TestTokens;

/**
 * Replaying the topics rebuilds the same figures. A set of tips and alerts goes through the real broker and registry,
 * some status changes before their alert's routing, one alert and one tip as if their handling had stopped between
 * two writes; every figure is read as JSON and CSV. Then every event is published again, in reverse order, and the
 * figures are the same; then a second instance of the service, with consumer groups of its own, reads the topics
 * from their beginning into a fresh database (with the members and meetings, the service's own data, copied), and its
 * figures are the same too.
 */
class FiguresReplayIT extends FiguresTestBase {

    static final Instant NOW = Instant.parse("2036-06-20T10:00:00Z");
    static final String YEAR = "from=2036-01-01&to=2037-01-01";
    static final List<String> FIGURES = List.of("/tips?" + YEAR + "&by=month", "/tips?" + YEAR + "&by=week",
            "/alerts?" + YEAR + "&by=month", "/alerts?" + YEAR + "&by=week", "/participation?" + YEAR,
            "/members/not-reporting");
    static final List<String> FILES = List.of("/tips.csv?" + YEAR + "&by=week", "/alerts.csv?" + YEAR,
            "/participation.csv?" + YEAR, "/participation/groups.csv?" + YEAR,
            "/participation/meetings.csv?" + YEAR, "/members/not-reporting.csv");
    static final List<String> CONSUMERS = List.of("-tips", "-alerts", "-alert-status");

    @Autowired MongoClient mongo;

    @Test
    void replayingEveryEventAndRebuildingFromTheBeginningGiveTheSameFigures() {
        clock.set(NOW);
        String hotel = enrol("HOTEL", "Replay Hotell", "411 19", LocalDate.parse("2030-02-01"));
        String taxi = enrol("TAXI", "Replay Taxi", "416 60", LocalDate.parse("2030-02-01"));
        String venue = enrol("VENUE", "Replay Klubb", "417 05", LocalDate.parse("2036-05-01"));
        meeting("Vårmöte", LocalDate.parse("2036-03-05"), List.of(hotel, venue));

        List<SpecificRecord> events = new ArrayList<>();
        List<TipSubmitted> january = new ArrayList<>();
        for (int day = 10; day <= 14; day++) {
            january.add(FigureEvents.hotel(hotel, at("2036-01-" + day), "411 19", "Replay").build());
        }
        events.addAll(january);
        for (int day = 2; day <= 4; day++) {
            events.add(FigureEvents.hotel(hotel, at("2036-04-0" + day), "421 30", "Replay").build());
        }
        TipSubmitted taxiTip = FigureEvents.taxi(taxi, at("2036-02-01"), "416 60", "417 05", "Replay").build();
        TipSubmitted taxiTip2 = FigureEvents.taxi(taxi, at("2036-02-02"), "416 60", null, "Replay").build();
        events.add(taxiTip);
        events.add(taxiTip2);
        events.add(FigureEvents.hotel("member-not-in-the-register", at("2036-03-03"), "411 19", "Replay").build());

        long[] minutes = {3, 7, 12, 30, 60};
        for (int i = 0; i < january.size(); i++) {
            Instant routedAt = january.get(i).getSubmittedAt().plusSeconds(2);
            AlertRouted police = FigureEvents.routed(january.get(i), Recipient.POLICE, Priority.HIGH, routedAt,
                    "Replay");
            events.add(police);
            events.add(FigureEvents.status(police, AlertStatus.ACKNOWLEDGED, null,
                    routedAt.plus(Duration.ofMinutes(minutes[i]))));
            if (i < 2) {
                events.add(FigureEvents.status(police, AlertStatus.OUTCOME_RECORDED, "ACTED",
                        routedAt.plus(Duration.ofDays(2))));
            }
            if (i == 4) {
                events.add(FigureEvents.status(police, AlertStatus.ESCALATED, null,
                        routedAt.plus(Duration.ofHours(4))));
                events.add(FigureEvents.status(police, AlertStatus.PRIORITY_CHANGED, null,
                        routedAt.plus(Duration.ofHours(5))));
            }
            if (i < 3) {
                events.add(FigureEvents.routed(january.get(i), Recipient.MIKAMOTTAGNINGEN, Priority.NORMAL, routedAt,
                        "Replay"));
            }
        }
        for (TipSubmitted tip : List.of(taxiTip, taxiTip2)) {
            Instant routedAt = tip.getSubmittedAt().plusSeconds(1);
            AlertRouted children = FigureEvents.routed(tip, Recipient.SOCIAL_SERVICES_CHILDREN, Priority.IMMEDIATE,
                    routedAt, "Replay");
            // The acknowledgement reaches the figures before the routing does.
            events.add(FigureEvents.status(children, AlertStatus.ACKNOWLEDGED, null, routedAt.plusSeconds(90)));
            events.add(children);
        }

        // A handling that stopped between its writes: the alerts' facts stored without their day's entry, the tip's
        // entry without its day's number in the month's versions or its member's last report. Delivered again,
        // each is completed and counted once.
        List<SpecificRecord> interrupted = new ArrayList<>();
        for (TipSubmitted tip : january.subList(0, 3)) {
            Instant routedAt = tip.getSubmittedAt().plusSeconds(3);
            AlertRouted region = FigureEvents.routed(tip, Recipient.REGION_COORDINATORS, Priority.HIGH, routedAt,
                    "Replay");
            Instant acknowledgedAt = routedAt.plus(Duration.ofMinutes(20));
            write(database, AlertFactsRepository.COLLECTION, region.getAlertId(), new Document("$set",
                    new Document("recipient", "REGION_COORDINATORS").append("priority", "HIGH")
                            .append("channel", "HOTEL").append("routedAt", Date.from(routedAt))
                            .append("acknowledgedAt", Date.from(acknowledgedAt))));
            interrupted.add(region);
            interrupted.add(FigureEvents.status(region, AlertStatus.ACKNOWLEDGED, null, acknowledgedAt));
        }
        TipSubmitted halfCounted = FigureEvents.hotel(taxi, at("2036-05-05"), "411 19", "Replay").build();
        TipFact fact = TipFact.of(halfCounted, "TAXI");
        write(database, TipFactsRepository.DAYS, fact.day().toString(), new Document("$set",
                new Document("t." + fact.tipId(), fact.entry())).append("$inc", new Document("changes", 1)));
        interrupted.add(halfCounted);
        events.addAll(interrupted);

        events.forEach(this::publish);
        awaitConsumed(CONSUMER);
        Map<String, Object> figures = figures(client());

        Map<String, Object> tips = figure(figures, "/tips?" + YEAR + "&by=month");
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) tips.get("total");
        assertThat(total).containsEntry("tips", 12)
                .containsEntry("byChannel", Map.of("HOTEL", 10, "TAXI", "< 3"))
                .containsEntry("immediateDanger", "< 3");
        assertThat(total.get("byMemberType")).isEqualTo(Map.of("HOTEL", 8, "HOSTEL", 0, "RESTAURANT", 0,
                "TAXI", 3, "VENUE", 0, "OTHER", 0, "UNKNOWN", "< 3"));
        assertThat(total.get("byDistrict")).isEqualTo(Map.of("CENTRUM", 7, "NORDOST", "< 3", "SYDVAST", 3,
                "HISINGEN", "< 3", "OUTSIDE_CITY", 0, "UNKNOWN", 0));
        Map<String, Object> alerts = figure(figures, "/alerts?" + YEAR + "&by=month");
        assertThat(recipient(alerts, "POLICE")).containsEntry("alerts", 5).containsEntry("acknowledged", 5)
                .containsEntry("acknowledgedWithinMinutes", Map.of("median", 12, "p90", 60))
                .containsEntry("outcomes", Map.of("ACTED", "< 3")).containsEntry("escalated", "< 3");
        assertThat(recipient(alerts, "REGION_COORDINATORS")).as("counted once, though stored in two goes")
                .containsEntry("alerts", 3).containsEntry("acknowledged", 3)
                .containsEntry("acknowledgedWithinMinutes", Map.of("median", 20, "p90", 20));
        assertThat(recipient(alerts, "SOCIAL_SERVICES_CHILDREN")).containsEntry("alerts", "< 3")
                .containsEntry("acknowledged", "< 3");
        Map<String, Object> notReporting = figure(figures, "/members/not-reporting");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = (List<Map<String, Object>>) notReporting.get("members");
        assertThat(members).extracting(m -> m.get("memberId")).contains(venue).doesNotContain(hotel, taxi);

        // Every event again, newest first: nothing changes.
        List<SpecificRecord> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        reversed.forEach(this::publish);
        awaitConsumed(CONSUMER);
        assertThat(figures(client())).isEqualTo(figures);

        // A fresh instance reads the topics from their beginning into a fresh database.
        String fresh = "network-figures-rebuilt-" + UUID.randomUUID();
        MongoDatabase rebuiltDatabase = mongo.getDatabase(fresh);
        for (String owned : List.of("members", "meetings")) {
            List<Document> documents = Flux.from(database.getCollection(owned).find()).collectList().block(DEADLINE);
            Mono.from(rebuiltDatabase.getCollection(owned).insertMany(documents)).block(DEADLINE);
        }
        try (ConfigurableApplicationContext rebuilt = new SpringApplicationBuilder(
                NetworkCoordinationApplication.class, MutableClockConfiguration.class, OwnNettyResources.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers(),
                        "--vaksam.registry.url=" + SchemaRegistryServer.shared().url(),
                        "--vaksam.mongo.uri=" + MongoStore.uri(), "--vaksam.mongo.database=" + fresh,
                        "--vaksam.network.figures.consumer=" + fresh, "--vaksam.security.issuer=" + TestTokens.ISSUER,
                        "--vaksam.security.jwk-set-uri=" + TestTokens.jwkSetUri())) {
            rebuilt.getBean(MutableClock.class).set(NOW);
            awaitConsumed(fresh);
            int port = ((WebServerApplicationContext) rebuilt).getWebServer().getPort();
            assertThat(figures(client(port))).isEqualTo(figures);
        }
    }

    /**
     * The second instance's server and clients on event loops of its own: closing it would otherwise dispose of
     * Reactor Netty's global ones, which this JVM's other contexts and the test token server use.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T09:30:00Z");
    }

    /** Every figure of the year as JSON and as CSV, by path. */
    private static Map<String, Object> figures(WebTestClient client) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String path : FIGURES) {
            figures.put(path, client.get().uri(FiguresRouter.API + path)
                    .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                    .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody());
        }
        for (String path : FILES) {
            figures.put(path, client.get().uri(FiguresRouter.API + path)
                    .headers(h -> h.setBearerAuth(TestTokens.coordinator())).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        }
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figure(Map<String, Object> figures, String path) {
        return (Map<String, Object>) figures.get(path);
    }

    private static void write(MongoDatabase database, String collection, String id, Document update) {
        Mono.from(database.getCollection(collection).updateOne(Filters.eq("_id", id), update,
                new UpdateOptions().upsert(true))).block(DEADLINE);
    }

    /** Waits until the consumer groups named after {@code prefix} have handled every event on their topics. */
    private static void awaitConsumed(String prefix) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers()))) {
            Map<String, String> topics = Map.of(prefix + "-tips", Topics.TIP_SUBMITTED.name(),
                    prefix + "-alerts", Topics.ALERT_ROUTED.name(),
                    prefix + "-alert-status", Topics.ALERT_STATUS_CHANGED.name());
            Awaitility.await("every event handled by " + prefix).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        long lag = 0;
                        for (Map.Entry<String, String> group : topics.entrySet()) {
                            lag += lag(admin, group.getKey(), group.getValue());
                        }
                        return lag == 0;
                    });
        }
    }

    private static long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Function<TopicPartition, Long> done = partition -> committed.get(partition) == null ? 0L
                : committed.get(partition).offset();
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .mapToLong(end -> end.getValue().offset() - done.apply(end.getKey())).sum();
    }
}
