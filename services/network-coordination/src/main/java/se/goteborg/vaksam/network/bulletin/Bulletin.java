package se.goteborg.vaksam.network.bulletin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A bulletin to the network's members. Coordinators change it while it is SCHEDULED; the sweep publishes it when its
 * time comes, fixing its {@code recipients} (the active members its targets matched then); once published it can
 * only be withdrawn. {@code version} guards every read-modify-write against a concurrent one.
 */
record Bulletin(String bulletinId, BulletinText text, Targets targets, Instant publishAt, Instant expiresAt,
                BulletinState state, List<String> recipients, Instant createdAt, Instant changedAt,
                Instant publishedAt, Instant withdrawnAt, Instant cancelledAt, long version) {

    Bulletin {
        Objects.requireNonNull(bulletinId, "bulletinId");
        Objects.requireNonNull(state, "state");
        recipients = List.copyOf(recipients);
    }

    static Bulletin scheduled(String bulletinId, BulletinDraft draft, Instant now) {
        return new Bulletin(bulletinId, draft.text(), draft.targets(), draft.publishAt(), draft.expiresAt(),
                BulletinState.SCHEDULED, List.of(), now, now, null, null, null, 0);
    }

    /** Due for publication: scheduled, and its time has come. */
    boolean due(Instant now) {
        return state == BulletinState.SCHEDULED && !publishAt.isAfter(now);
    }

    /**
     * Published, but past its expiry: no member sees it any more, and no e-mail goes out for it. Public: the pages
     * ask it.
     */
    public boolean expired(Instant now) {
        return state == BulletinState.PUBLISHED && !expiresAt.isAfter(now);
    }

    Bulletin edited(BulletinDraft draft, Instant now) {
        requireScheduled("edited");
        return new Bulletin(bulletinId, draft.text(), draft.targets(), draft.publishAt(), draft.expiresAt(), state,
                recipients, createdAt, now, publishedAt, withdrawnAt, cancelledAt, version + 1);
    }

    Bulletin cancelled(Instant now) {
        if (state == BulletinState.CANCELLED) {
            return this;
        }
        requireScheduled("cancelled; withdraw it instead");
        return new Bulletin(bulletinId, text, targets, publishAt, expiresAt, BulletinState.CANCELLED, recipients,
                createdAt, now, publishedAt, withdrawnAt, now, version + 1);
    }

    Bulletin published(List<String> memberIds, Instant now) {
        requireScheduled("published again");
        return new Bulletin(bulletinId, text, targets, publishAt, expiresAt, BulletinState.PUBLISHED, memberIds,
                createdAt, now, now, withdrawnAt, cancelledAt, version + 1);
    }

    Bulletin withdrawn(Instant now) {
        if (state == BulletinState.WITHDRAWN) {
            return this;
        }
        if (state != BulletinState.PUBLISHED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Only a published bulletin can be withdrawn; cancel a scheduled one instead.");
        }
        return new Bulletin(bulletinId, text, targets, publishAt, expiresAt, BulletinState.WITHDRAWN, recipients,
                createdAt, now, publishedAt, now, cancelledAt, version + 1);
    }

    private void requireScheduled(String what) {
        if (state != BulletinState.SCHEDULED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "The bulletin is " + state.name().toLowerCase() + " and can no longer be " + what + ".");
        }
    }
}
