package se.goteborg.vaksam.inbox.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class WebhookEventTest {

    private static final Instant AT = Instant.parse("2026-12-01T21:15:30Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRoutedAlertGoesOutAsIdsCodesAndTimesOnly() {
        AlertRouted routed = WebhookEvents.routed(Recipient.SOCIAL_SERVICES_CHILDREN, AT);

        String body = JSON.writeValueAsString(WebhookEvent.routed(routed));

        assertThat(body).doesNotContain(WebhookEvents.PERSONAL);
        Map<String, Object> event = read(body);
        assertThat(event).containsOnlyKeys("eventId", "type", "occurredAt", "alert")
                .containsEntry("eventId", routed.getEventId()).containsEntry("type", "alert.routed")
                .containsEntry("occurredAt", "2026-12-01T21:15:30Z");
        assertThat(alert(event)).containsOnlyKeys("alertId", "tipId", "recipient", "priority", "reasons", "channel",
                        "routedAt", "href")
                .containsEntry("recipient", "SOCIAL_SERVICES_CHILDREN").containsEntry("priority", "IMMEDIATE")
                .containsEntry("reasons", List.of("SUSPECTED_MINOR")).containsEntry("channel", "TAXI")
                .containsEntry("href", "/api/v1/alerts/" + routed.getAlertId());
    }

    @Test
    void aStatusChangeCarriesItsOwnFields() {
        AlertRouted routed = WebhookEvents.routed(Recipient.POLICE, AT);
        AlertStatusChanged changed = AlertStatusChanged.newBuilder(WebhookEvents.escalated(routed, AT))
                .setStatus(AlertStatus.PRIORITY_CHANGED).setPriority(Priority.HIGH)
                .setPreviousPriority(Priority.NORMAL).setAcknowledgeBy(null).setEscalatedTo(null).build();

        Map<String, Object> escalation = read(JSON.writeValueAsString(
                WebhookEvent.statusChanged(WebhookEvents.escalated(routed, AT))));
        Map<String, Object> priority = read(JSON.writeValueAsString(WebhookEvent.statusChanged(changed)));

        assertThat(alert(escalation)).containsOnlyKeys("alertId", "tipId", "recipient", "priority", "status",
                        "changedAt", "acknowledgeBy", "escalatedTo", "href")
                .containsEntry("status", "ESCALATED").containsEntry("acknowledgeBy", "2026-12-01T21:14:30Z")
                .containsEntry("escalatedTo", "POLICE_DUTY_DESK");
        assertThat(alert(priority)).containsEntry("status", "PRIORITY_CHANGED").containsEntry("priority", "HIGH")
                .containsEntry("previousPriority", "NORMAL").doesNotContainKey("actor");
        assertThat(escalation).containsEntry("type", "alert.status-changed");
    }

    @Test
    void aPingHasNoAlert() {
        assertThat(read(JSON.writeValueAsString(WebhookEvent.ping("e-1", AT))))
                .containsOnlyKeys("eventId", "type", "occurredAt").containsEntry("type", "ping");
    }

    private static Map<String, Object> read(String body) {
        return JSON.readValue(body, new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alert(Map<String, Object> event) {
        return (Map<String, Object>) event.get("alert");
    }
}
