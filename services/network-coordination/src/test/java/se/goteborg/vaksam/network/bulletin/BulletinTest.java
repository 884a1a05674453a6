package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class BulletinTest {

    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");
    private static final BulletinDraft DRAFT = new BulletinDraft(new BulletinText("T", "T", "B", "B"),
            Targets.everyone(), NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));

    @Test
    void aScheduledBulletinIsDueAtItsTimeAndNotBefore() {
        Bulletin scheduled = Bulletin.scheduled("b", DRAFT, NOW);
        assertThat(scheduled.due(NOW.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(scheduled.due(NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(scheduled.expired(NOW.plus(Duration.ofDays(2)))).as("never published").isFalse();
    }

    @Test
    void publicationFixesTheRecipientsAndCountsAsAChange() {
        Bulletin published = Bulletin.scheduled("b", DRAFT, NOW).published(List.of("m1", "m2"), NOW);
        assertThat(published.state()).isEqualTo(BulletinState.PUBLISHED);
        assertThat(published.recipients()).containsExactly("m1", "m2");
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.due(NOW.plus(Duration.ofHours(2)))).isFalse();
        assertThat(published.expired(NOW.plus(Duration.ofDays(1)))).isTrue();
        assertThat(published.expired(NOW.plus(Duration.ofDays(1)).minusMillis(1))).isFalse();
    }

    @Test
    void onlyAScheduledBulletinIsEditedOrCancelledAndOnlyAPublishedOneWithdrawn() {
        Bulletin scheduled = Bulletin.scheduled("b", DRAFT, NOW);
        assertThatThrownBy(() -> scheduled.withdrawn(NOW)).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("cancel a scheduled one instead");
        Bulletin cancelled = scheduled.cancelled(NOW);
        assertThat(cancelled.cancelled(NOW)).as("cancelling twice changes nothing").isSameAs(cancelled);
        assertThatThrownBy(() -> cancelled.edited(DRAFT, NOW)).isInstanceOf(ResponseStatusException.class);
        assertThatThrownBy(() -> cancelled.published(List.of(), NOW)).isInstanceOf(ResponseStatusException.class);

        Bulletin published = scheduled.published(List.of(), NOW);
        assertThatThrownBy(() -> published.edited(DRAFT, NOW)).isInstanceOf(ResponseStatusException.class);
        assertThatThrownBy(() -> published.cancelled(NOW)).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("withdraw it instead");
        Bulletin withdrawn = published.withdrawn(NOW);
        assertThat(withdrawn.withdrawnAt()).isEqualTo(NOW);
        assertThat(withdrawn.withdrawn(NOW)).isSameAs(withdrawn);
        assertThat(withdrawn.expired(NOW.plus(Duration.ofDays(2)))).as("withdrawn, not expired").isFalse();
    }
}
