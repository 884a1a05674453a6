package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import se.goteborg.vaksam.events.alert.AlertPremises;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.testsupport.TestTokens;
import se.goteborg.vaksam.testsupport.TopicRecords.Record;

/** What recipients do with their alerts beyond reading them: priorities, notes, deadlines and the data each sees. */
class InboxWorkIT extends InboxTestBase {

    static final String SOCIAL = TestTokens.recipient("social-children-demo", "SOCIAL_SERVICES_CHILDREN");
    static final String REGION = TestTokens.recipient("region-coordinators-demo", "REGION_COORDINATORS");

    @Test
    void routingsPriorityIsASuggestionTheRecipientChangesOnRecord() {
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.POLICE);
        publish(AlertEvents.hotel(tipId, Recipient.POLICE, null).build());
        awaitListed(POLICE, alertId);

        post(alertId, "priority", POLICE, Map.of("priority", "URGENT")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("priority");
        post(alertId, "priority", MIKA, Map.of("priority", "IMMEDIATE")).expectStatus().isNotFound();
        Map<String, Object> changed = post(alertId, "priority", POLICE,
                Map.of("priority", "IMMEDIATE", "reason", "Samma rum som förra veckan")).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(changed).containsEntry("priority", "IMMEDIATE").containsEntry("suggestedPriority", "HIGH")
                .containsEntry("reasons", List.of("ADULT_SEXUAL_CONTROL_INDICATOR"));
        assertThat((List<?>) changed.get("priorityChanges")).singleElement().asString()
                .contains("from=HIGH", "to=IMMEDIATE", "by=police-demo");
        post(alertId, "priority", POLICE, Map.of("priority", "IMMEDIATE")).expectStatus().isOk();

        // A re-routing refreshes routing's facts and its suggestion, never the recipient's choice.
        publish(AlertEvents.hotel(tipId, Recipient.POLICE, null).setLinkedTipIds(List.of("tip-before")).build());
        Awaitility.await("re-routed facts stored").atMost(DEADLINE)
                .until(() -> stored(alertId).getList("linkedTipIds", String.class).contains("tip-before"));
        assertThat(stored(alertId).getString("priority")).isEqualTo("IMMEDIATE");
        assertThat(listed(POLICE, "priority=IMMEDIATE")).extracting(a -> a.get("alertId")).contains(alertId);
        assertThat(listed(POLICE, "priority=HIGH,NORMAL")).extracting(a -> a.get("alertId")).doesNotContain(alertId);

        awaitOutboxEmpty(alertId);
        List<Record<AlertStatusChanged>> changes = statusChanges(alertId);
        assertThat(changes).singleElement().satisfies(record -> {
            assertThat(record.value().getStatus()).isEqualTo(AlertStatus.PRIORITY_CHANGED);
            assertThat(record.value().getPreviousPriority()).isEqualTo(Priority.HIGH);
            assertThat(record.value().getPriority()).isEqualTo(Priority.IMMEDIATE);
            assertThat(record.value().getActor()).isEqualTo("POLICE");
        });
        client().get().uri("/api/v1/alerts/" + alertId).headers(h -> h.setBearerAuth(POLICE)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.notes[0].text").isEqualTo("HIGH → IMMEDIATE: Samma rum som förra veckan")
                .jsonPath("$.notes[0].author").isEqualTo("police-demo");

        post(alertId, "outcome", POLICE, Map.of("outcome", "PASSED_ON")).expectStatus().isOk();
        post(alertId, "priority", POLICE, Map.of("priority", "NORMAL")).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void internalNotesAreSealedAtRestAndSeenOnlyByTheOrganisationHoldingTheAlert() {
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.MIKAMOTTAGNINGEN);
        publish(AlertEvents.hotel(tipId, Recipient.MIKAMOTTAGNINGEN, null).build());
        awaitListed(MIKA, alertId);
        String canary = "canary-note-" + UUID.randomUUID();

        post(alertId, "notes", MIKA, Map.of("text", " ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        post(alertId, "notes", POLICE, Map.of("text", canary)).expectStatus().isNotFound();
        String noteId = (String) post(alertId, "notes", MIKA, Map.of("text", canary + "\nUppsökande torsdag"))
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("noteId");

        assertThat(stored(alertId).toJson()).doesNotContain(canary);
        assertThat(listed(MIKA)).filteredOn(a -> a.get("alertId").equals(alertId)).singleElement()
                .satisfies(a -> assertThat(a).doesNotContainKey("notes"));
        client().get().uri("/api/v1/alerts/" + alertId).headers(h -> h.setBearerAuth(MIKA)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.notes.length()").isEqualTo(1)
                .jsonPath("$.notes[0].noteId").isEqualTo(noteId)
                .jsonPath("$.notes[0].text").isEqualTo(canary + "\nUppsökande torsdag")
                .jsonPath("$.notes[0].author").isEqualTo("mika-demo");
        assertThat(openings(alertId)).singleElement().satisfies(opening -> assertThat(opening)
                .containsEntry("opened", List.of("NOTES")).containsEntry("noteIds", List.of(noteId)));
    }

    @Test
    void theDeadlineAndRoutingsEscalationShowOnTheAlertAndFilterTheList() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.SOCIAL_SERVICES_CHILDREN);
        publish(AlertEvents.hotel(tipId, Recipient.SOCIAL_SERVICES_CHILDREN, null).setPriority(Priority.IMMEDIATE)
                .setRoutedAt(now.minusSeconds(1200)).setAcknowledgeBy(now.minusSeconds(300)).build());
        awaitListed(SOCIAL, alertId);

        assertThat(listed(SOCIAL, "overdue=true")).filteredOn(a -> a.get("alertId").equals(alertId)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("overdue", true)
                        .containsEntry("acknowledgeBy", now.minusSeconds(300).toString())
                        .doesNotContainKey("escalatedAt"));
        publishStatus(escalation(alertId, tipId, now));
        Awaitility.await("escalation shown").atMost(DEADLINE)
                .until(() -> stored(alertId).get(AlertDocuments.ESCALATED_AT) != null);
        assertThat(listed(SOCIAL, "escalated=true")).filteredOn(a -> a.get("alertId").equals(alertId)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("escalatedAt", now.toString())
                        .containsEntry("escalatedTo", "Socialjouren Göteborg"));

        post(alertId, "acknowledge", SOCIAL, null).expectStatus().isOk()
                .expectBody().jsonPath("$.overdue").isEqualTo(false);
        assertThat(listed(SOCIAL, "overdue=true")).extracting(a -> a.get("alertId")).doesNotContain(alertId);
        assertThat(listed(SOCIAL, "overdue=false&escalated=true")).extracting(a -> a.get("alertId")).contains(alertId);
    }

    @Test
    void anEscalationThatComesBeforeItsAlertWaitsForIt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String tipId = "tip-" + UUID.randomUUID();
        String alertId = AlertEvents.alertId(tipId, Recipient.REGION_COORDINATORS);
        publishStatus(escalation(alertId, tipId, now).setRecipient(Recipient.REGION_COORDINATORS));
        Awaitility.await("escalation stored").atMost(DEADLINE).until(() -> stored(alertId) != null);
        assertThat(listed(REGION)).extracting(a -> a.get("alertId")).doesNotContain(alertId);
        client().get().uri("/api/v1/alerts/" + alertId).headers(h -> h.setBearerAuth(REGION)).exchange()
                .expectStatus().isNotFound();

        publish(AlertEvents.hotel(tipId, Recipient.REGION_COORDINATORS, null).build());
        assertThat(awaitListed(REGION, alertId)).filteredOn(a -> a.get("alertId").equals(alertId)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("status", "NEW")
                        .containsEntry("createdAt", AlertEvents.ROUTED_AT.toString())
                        .containsEntry("escalatedAt", now.toString()));
    }

    /** Item by item, what each recipient's alert holds through the API, as routing splits it and the inbox opens it. */
    @Test
    void eachRecipientsAlertCarriesExactlyTheFieldsItsRoleNeeds() {
        String tipId = "tip-" + UUID.randomUUID();
        byte[] sealed = AlertEvents.seal(SEALER, tipId, "Äldre man talar för ung kvinna", "reception 031-00 00 00");
        Set<String> routingFacts = Set.of("alertId", "tipId", "recipient", "priority", "suggestedPriority", "status",
                "reasons", "createdAt", "routedAt", "receivedAt", "rulesVersion", "channel", "observedAt", "indicators",
                "suspectedMinor", "immediateDanger", "exploitationType", "premises", "linkedTipIds", "priorityChanges",
                "detailsState", "details", "messages", "notes");
        Map<String, Object> police = detail(POLICE, Recipient.POLICE, tipId, sealed);
        assertThat(police.keySet()).isEqualTo(routingFacts);
        assertThat(details(police)).containsOnlyKeys("description", "reporterContact");
        Map<String, Object> social = detail(SOCIAL, Recipient.SOCIAL_SERVICES_CHILDREN, tipId, sealed);
        assertThat(social.keySet()).isEqualTo(routingFacts);
        assertThat(details(social)).containsOnlyKeys("description", "reporterContact");
        for (var outreach : Map.of(MIKA, Recipient.MIKAMOTTAGNINGEN, REGION, Recipient.REGION_COORDINATORS).entrySet()) {
            Map<String, Object> alert = detail(outreach.getKey(), outreach.getValue(), tipId, sealed);
            assertThat(alert.keySet()).as(outreach.getValue().name()).isEqualTo(routingFacts);
            assertThat(details(alert)).as(outreach.getValue().name())
                    .containsOnlyKeys("description").containsEntry("description", "Äldre man talar för ung kvinna");
        }

        // As routing builds it for the lettings group: the premises and their category, nothing about people.
        AlertRouted full = AlertEvents.hotel(tipId, Recipient.LETTINGS_GROUP, sealed).build();
        publish(AlertRouted.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setAlertId(full.getAlertId()).setTipId(tipId)
                .setRecipient(Recipient.LETTINGS_GROUP).setPriority(Priority.NORMAL).setReasons(List.of("CITY_LET_PREMISES"))
                .setRulesVersion("v2").setRoutedAt(full.getRoutedAt()).setChannel(full.getChannel())
                .setPremises(AlertPremises.newBuilder(full.getPremises()).setName(null).build())
                .build());
        awaitListed(LETTINGS, full.getAlertId());
        Map<String, Object> lettings = client().get().uri("/api/v1/alerts/" + full.getAlertId())
                .headers(h -> h.setBearerAuth(LETTINGS)).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(lettings.keySet()).isEqualTo(Set.of("alertId", "tipId", "recipient", "priority",
                "suggestedPriority", "status", "reasons", "createdAt", "routedAt", "receivedAt", "rulesVersion", "channel",
                "premises", "linkedTipIds", "indicators", "priorityChanges", "detailsState", "messages", "notes"));
        assertThat(lettings).containsEntry("indicators", List.of()).containsEntry("detailsState", "NONE")
                .containsEntry("messages", List.of());
        assertThat(details(lettings, "premises")).doesNotContainKey("name")
                .containsEntry("premisesId", "P-17").containsEntry("category", "HOTEL");
        post(full.getAlertId(), "questions", LETTINGS, Map.of("text", "Vilken våning?"))
                .expectStatus().isForbidden();
    }

    private static Map<String, Object> details(Map<String, Object> alert) {
        return details(alert, "details");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> alert, String field) {
        return (Map<String, Object>) alert.get(field);
    }

    private Map<String, Object> detail(String token, Recipient recipient, String tipId, byte[] sealed) {
        String alertId = AlertEvents.alertId(tipId, recipient);
        publish(AlertEvents.hotel(tipId, recipient, sealed).build());
        awaitListed(token, alertId);
        return client().get().uri("/api/v1/alerts/" + alertId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    private static AlertStatusChanged.Builder escalation(String alertId, String tipId, Instant at) {
        return AlertStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setAlertId(alertId)
                .setTipId(tipId)
                .setRecipient(Recipient.SOCIAL_SERVICES_CHILDREN)
                .setStatus(AlertStatus.ESCALATED)
                .setChangedAt(at)
                .setActor("alert-routing")
                .setPriority(Priority.IMMEDIATE)
                .setAcknowledgeBy(at.minusSeconds(60))
                .setEscalatedTo("Socialjouren Göteborg");
    }

    private void publishStatus(AlertStatusChanged.Builder event) {
        AlertStatusChanged change = event.build();
        publisher.publish(Topics.ALERT_STATUS_CHANGED, change.getAlertId(), change).block(DEADLINE);
    }
}
