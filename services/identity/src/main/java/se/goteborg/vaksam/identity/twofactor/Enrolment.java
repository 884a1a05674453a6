package se.goteborg.vaksam.identity.twofactor;

import java.time.Instant;

/**
 * A person's authenticator as stored: one document per username.
 *
 * @param username the person
 * @param active whether the person confirmed a code for it (else it is still being set up)
 * @param sealedSecret the TOTP secret, sealed by {@link SecretCipher}
 * @param createdAt when the secret was made
 * @param lastUsedStep the latest time step whose code was accepted; only later ones count
 * @param failures wrong codes since the last accepted one or lock-out
 * @param lockedUntil until when no code is accepted, or null
 * @param recoveryCodesLeft recovery codes not used yet
 */
record Enrolment(String username, boolean active, byte[] sealedSecret, Instant createdAt, long lastUsedStep,
		int failures, Instant lockedUntil, int recoveryCodesLeft) {

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
