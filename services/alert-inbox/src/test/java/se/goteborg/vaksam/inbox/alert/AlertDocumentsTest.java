package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.alert.AlertStatus;
import se.goteborg.vaksam.events.alert.AlertStatusChanged;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;

class AlertDocumentsTest {

    private static final byte[] SEALED = {1, 2, 3};

    @Test
    void aHotelAlertKeepsEveryRoutingFact() {
        AlertRouted event = AlertEvents.hotel("tip-1", Recipient.POLICE, SEALED).build();
        Alert alert = stored(event);

        assertThat(alert.alertId()).isEqualTo(AlertEvents.alertId("tip-1", Recipient.POLICE));
        assertThat(alert.tipId()).isEqualTo("tip-1");
        assertThat(alert.recipient()).isEqualTo(Recipient.POLICE);
        assertThat(alert.priority()).as("routing's until the recipient changes it").isEqualTo(Priority.HIGH);
        assertThat(alert.suggestedPriority()).isEqualTo(Priority.HIGH);
        assertThat(alert.state()).isEqualTo(AlertState.NEW);
        assertThat(alert.reasons()).containsExactly("ADULT_SEXUAL_CONTROL_INDICATOR");
        assertThat(alert.rulesVersion()).isEqualTo("2026-11-1");
        assertThat(alert.createdAt()).isEqualTo(AlertEvents.ROUTED_AT);
        assertThat(alert.routedAt()).isEqualTo(AlertEvents.ROUTED_AT);
        assertThat(alert.receivedAt()).isEqualTo(AlertEvents.ROUTED_AT.plusMillis(40));
        assertThat(alert.channel()).isEqualTo(Channel.HOTEL);
        assertThat(alert.observedAt()).isEqualTo(AlertEvents.OBSERVED_AT);
        assertThat(alert.indicators()).containsExactly("BOOKER_NOT_OCCUPANT", "SOMEONE_SPEAKS_FOR_PERSON");
        assertThat(alert.suspectedMinor()).isEqualTo(SuspectedMinor.NO);
        assertThat(alert.immediateDanger()).isFalse();
        assertThat(alert.exploitationType()).isEqualTo(ExploitationType.SEXUAL);
        assertThat(alert.premises()).isEqualTo(new Alert.Premises("Hotell Kvarnen",
                new Alert.Address("Kvarngatan 1", "411 01", "Göteborg"), "P-17", "Higab", "HOTEL", false, MatchLevel.PROBABLE, 0.8, 3, 4, RiskLevel.ELEVATED));
        assertThat(alert.trip()).isNull();
        assertThat(alert.hasSealedDetails()).isTrue();
        assertThat(AlertDocuments.sealedDetails(document(event))).containsExactly(SEALED);
    }

    @Test
    void aTaxiAlertKeepsItsTrip() {
        Alert alert = stored(AlertEvents.taxi("tip-2", Recipient.REGION_COORDINATORS).build());
        assertThat(alert.premises()).isNull();
        assertThat(alert.trip().pickup().address().streetAddress()).isEqualTo("Centralstationen");
        assertThat(alert.trip().pickup().time()).isEqualTo(AlertEvents.OBSERVED_AT);
        assertThat(alert.trip().dropoff().time()).isNull();
        assertThat(alert.trip().passengers()).isEqualTo(2);
        assertThat(alert.trip().vehicleRef()).isEqualTo("ABC123");
        assertThat(alert.hasSealedDetails()).isFalse();
    }

    @Test
    void missingOptionalFactsStayMissing() {
        Alert alert = stored(AlertEvents.hotel("tip-3", Recipient.POLICE, null).setObservedAt(null)
                .setSuspectedMinor(null).setImmediateDanger(null).setExploitationType(null).setPremises(null).build());
        assertThat(alert.observedAt()).isNull();
        assertThat(alert.suspectedMinor()).isNull();
        assertThat(alert.immediateDanger()).isNull();
        assertThat(alert.exploitationType()).isNull();
        assertThat(alert.premises()).isNull();
    }

    @Test
    void theLettingsGroupsAlertNeverKeepsSealedDetails() {
        AlertRouted event = AlertEvents.hotel("tip-4", Recipient.LETTINGS_GROUP, SEALED).build();
        assertThat(stored(event).hasSealedDetails()).isFalse();
        assertThat(AlertDocuments.sealedDetails(document(event))).isNull();
    }

    @Test
    void statusChangesNameTheAlertTheRecipientAndTheActor() {
        Alert alert = stored(AlertEvents.hotel("tip-5", Recipient.MIKAMOTTAGNINGEN, null).build());
        Instant at = Instant.parse("2026-11-27T21:00:00Z");

        AlertStatusChanged ack = AlertDocuments.statusChanged(alert, AlertStatus.ACKNOWLEDGED, null, "mika-demo", at);
        assertThat(ack.getAlertId()).isEqualTo(alert.alertId());
        assertThat(ack.getTipId()).isEqualTo("tip-5");
        assertThat(ack.getRecipient()).isEqualTo(Recipient.MIKAMOTTAGNINGEN);
        assertThat(ack.getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(ack.getOutcome()).isNull();
        assertThat(ack.getActor()).isEqualTo("mika-demo");
        assertThat(ack.getChangedAt()).isEqualTo(at);

        AlertStatusChanged closed = AlertDocuments.statusChanged(alert, AlertStatus.OUTCOME_RECORDED, Outcome.PASSED_ON,
                "mika-demo", at);
        assertThat(closed.getOutcome()).isEqualTo("PASSED_ON");
        assertThat(closed.getEventId()).isNotEqualTo(ack.getEventId());
    }

    @Test
    void theInboxStateOfAStoredAlertIsRead() {
        Instant at = Instant.parse("2026-11-27T21:00:00Z");
        Document document = document(AlertEvents.hotel("tip-6", Recipient.POLICE, null).build());
        document.putAll(AlertDocuments.acknowledged("police-demo", at));
        document.putAll(AlertDocuments.closed(Outcome.ACTED, "police-demo", at.plusSeconds(60)));
        Alert alert = AlertDocuments.alert(document);
        assertThat(alert.state()).isEqualTo(AlertState.CLOSED);
        assertThat(alert.acknowledgedAt()).isEqualTo(at);
        assertThat(alert.acknowledgedBy()).isEqualTo("police-demo");
        assertThat(alert.outcome()).isEqualTo(Outcome.ACTED);
        assertThat(alert.closedAt()).isEqualTo(at.plusSeconds(60));
    }

    @Test
    void aPriorityTheRecipientChoseIsReadBesideRoutingsSuggestionAndHistory() {
        Instant at = Instant.parse("2026-11-27T21:00:00Z");
        Document document = document(AlertEvents.hotel("tip-7", Recipient.POLICE, null).build());
        document.put(AlertDocuments.PRIORITY, "IMMEDIATE");
        document.put(AlertDocuments.PRIORITY_CHANGES, java.util.List.of(
                AlertDocuments.priorityChange(Priority.HIGH, Priority.IMMEDIATE, "police-officer", at)));
        Alert alert = AlertDocuments.alert(document);

        assertThat(alert.priority()).isEqualTo(Priority.IMMEDIATE);
        assertThat(alert.suggestedPriority()).isEqualTo(Priority.HIGH);
        assertThat(alert.priorityChanges()).containsExactly(
                new Alert.PriorityChange(Priority.HIGH, Priority.IMMEDIATE, at, "police-officer"));
        AlertStatusChanged event = AlertDocuments.priorityChanged(AlertDocuments.alert(document(
                AlertEvents.hotel("tip-7", Recipient.POLICE, null).build())), Priority.IMMEDIATE, "POLICE", at);
        assertThat(event.getStatus()).isEqualTo(AlertStatus.PRIORITY_CHANGED);
        assertThat(event.getPriority()).isEqualTo(Priority.IMMEDIATE);
        assertThat(event.getPreviousPriority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void anAlertStoredBeforeSuggestionsWereKeptApartReadsItsOnePriorityAsBoth() {
        Document document = document(AlertEvents.hotel("tip-8", Recipient.POLICE, null).build());
        document.remove(AlertDocuments.SUGGESTED_PRIORITY);
        document.put(AlertDocuments.PRIORITY, "NORMAL");

        assertThat(AlertDocuments.alert(document).suggestedPriority()).isEqualTo(Priority.NORMAL);
        assertThat(AlertDocuments.alert(document).priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void theDeadlineAndTheEscalationAreKept() {
        Instant due = Instant.parse("2026-11-27T20:15:00Z");
        Document document = document(AlertEvents.hotel("tip-9", Recipient.SOCIAL_SERVICES_CHILDREN, null)
                .setPriority(Priority.IMMEDIATE).setAcknowledgeBy(due).build());
        AlertStatusChanged escalation = AlertStatusChanged.newBuilder()
                .setEventId("e").setAlertId(document.getString("_id")).setTipId("tip-9")
                .setRecipient(Recipient.SOCIAL_SERVICES_CHILDREN).setStatus(AlertStatus.ESCALATED)
                .setChangedAt(due.plusSeconds(5)).setEscalatedTo("Socialjouren").setAcknowledgeBy(due).build();
        document.putAll(AlertDocuments.escalatedUpdate(escalation).get("$set", Document.class));
        Alert alert = AlertDocuments.alert(document);

        assertThat(alert.acknowledgeBy()).isEqualTo(due);
        assertThat(alert.overdue(due)).isFalse();
        assertThat(alert.overdue(due.plusMillis(1))).isTrue();
        assertThat(alert.escalatedAt()).isEqualTo(due.plusSeconds(5));
        assertThat(alert.escalatedTo()).isEqualTo("Socialjouren");
    }

    private static Alert stored(AlertRouted event) {
        return AlertDocuments.alert(document(event));
    }

    private static Document document(AlertRouted event) {
        return AlertEvents.stored(event);
    }
}
