package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.inbox.alert.AlertRepository.Sealed;
import se.goteborg.vaksam.inbox.audit.AuditLog;
import se.goteborg.vaksam.inbox.audit.Opening;

/** The order that keeps the audit log whole: the opening is recorded first, and without it nothing is opened. */
class AlertServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final byte[] SEALED_DETAILS = {1, 2, 3};

    private final AlertRepository alerts = mock(AlertRepository.class);
    private final AuditLog audit = mock(AuditLog.class);
    private final DetailsOpener opener = mock(DetailsOpener.class);
    private final FollowUpSealing sealing = mock(FollowUpSealing.class);
    private final AlertService service = new AlertService(alerts, audit, opener, sealing,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final InboxCaller police = new InboxCaller(Recipient.POLICE, "police-officer", true);
    private final Alert alert = AlertDocuments.alert(AlertEvents.stored(
            AlertEvents.hotel("tip-1", Recipient.POLICE, SEALED_DETAILS).build()));

    @Test
    void whenTheOpeningCannotBeRecordedNothingIsOpened() {
        givenTheAlertWithSealedDetails();
        when(audit.record(any())).thenReturn(Mono.error(new IllegalStateException("store away")));

        StepVerifier.create(service.open(police, alert.alertId(), "utredning")).verifyError(IllegalStateException.class);

        verifyNoInteractions(opener, sealing);
    }

    @Test
    void theOpeningIsRecordedBeforeAnythingIsOpened() {
        givenTheAlertWithSealedDetails();
        when(audit.record(any())).thenReturn(Mono.empty());
        when(opener.open(SEALED_DETAILS, alert.tipId(), alert.alertId()))
                .thenReturn(Optional.of(new DetailsOpener.Details("d", "c")));

        Mono<AlertView> opening = service.open(police, alert.alertId(), "utredning");
        verify(opener, never()).open(any(), any(), any());
        StepVerifier.create(opening)
                .assertNext(view -> assertThat(view.details()).isEqualTo(new DetailsOpener.Details("d", "c")))
                .verifyComplete();

        ArgumentCaptor<Opening> recorded = ArgumentCaptor.forClass(Opening.class);
        verify(audit).record(recorded.capture());
        assertThat(recorded.getValue().subject()).isEqualTo("police-officer");
        assertThat(recorded.getValue().recipient()).isEqualTo(Recipient.POLICE);
        assertThat(recorded.getValue().reason()).isEqualTo("utredning");
        assertThat(recorded.getValue().openedAt()).isEqualTo(NOW);
        assertThat(recorded.getValue().opened()).containsExactly(Opening.Opened.DETAILS);
    }

    @Test
    void aSubmissionNamesOneQuestionOrNoteOfOneAlertAndNoSubmissionAFreshOne() {
        String submission = "8b7e3f9c-2d4a-4c1e-9f0b-5a6d7e8f9a0b";

        assertThat(AlertService.textId("question", "alert-1", submission))
                .isEqualTo(AlertService.textId("question", "alert-1", submission))
                .isNotEqualTo(AlertService.textId("note", "alert-1", submission))
                .isNotEqualTo(AlertService.textId("question", "alert-2", submission));
        assertThat(AlertService.textId("note", "alert-1", null)).isNotEqualTo(AlertService.textId("note", "alert-1", null));
    }

    private void givenTheAlertWithSealedDetails() {
        when(alerts.findWithSealed(alert.alertId(), Recipient.POLICE)).thenReturn(Mono.just(
                new AlertRepository.WithSealed(alert, new Sealed(SEALED_DETAILS, List.of(), List.of()))));
    }

}
