package se.goteborg.vaksam.identity.twofactor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where enrolments live. Every change is one atomic write to one person's document, conditional where a race
 * matters (two requests with the same code, two uses of one recovery code): no transactions are needed.
 */
interface EnrolmentStore {

	Optional<Enrolment> find(String username);

	/**
	 * Keeps {@code sealedSecret} as the person's authenticator being set up, replacing one being set up; false when
	 * the person already has an active one.
	 */
	boolean startEnrolment(String username, byte[] sealedSecret, Instant now);

	/**
	 * Makes the authenticator being set up with {@code sealedSecret} active, its code of {@code step} used, with
	 * these recovery code hashes; false when it is no longer the one being set up.
	 */
	boolean activate(String username, byte[] sealedSecret, long step, List<String> recoveryCodeHashes, Instant now);

	/** Accepts the code of {@code step} if no code of this or a later step was accepted before; resets failures. */
	boolean useStep(String username, long step);

	/** Strikes out the recovery code with this hash if it is still there; resets failures. */
	boolean useRecoveryCode(String username, String hash);

	/**
	 * Counts a wrong code; at {@code maxFailures} the person is locked out until {@code now + lockout} and the count
	 * starts again.
	 * @return until when the person is locked out, or empty
	 */
	Optional<Instant> recordFailure(String username, Instant now, int maxFailures, Duration lockout);

	/** Removes an active authenticator; false when there was none. */
	boolean remove(String username);

	/** An active authenticator with {@code sealedSecret}, unless the person has one already (the demo's person). */
	void seed(String username, byte[] sealedSecret, Instant now);

}
