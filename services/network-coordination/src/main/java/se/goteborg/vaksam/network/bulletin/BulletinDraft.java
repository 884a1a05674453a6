package se.goteborg.vaksam.network.bulletin;

import java.time.Instant;

/** A bulletin as a coordinator wrote it, checked: what it says, for whom, and when it is shown. */
record BulletinDraft(BulletinText text, Targets targets, Instant publishAt, Instant expiresAt) {
}
