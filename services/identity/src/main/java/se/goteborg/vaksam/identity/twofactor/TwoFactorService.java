package se.goteborg.vaksam.identity.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.apache.commons.codec.binary.Base32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's second factor: setting up an authenticator app (TOTP), checking its codes at login and turning it off,
 * with one-time recovery codes for a lost authenticator. A code counts within one time step of the present and only
 * once: a step is accepted only if it is later than the last one accepted. Wrong codes, replayed ones included, lock
 * the person's second factor for a while after {@code maxFailures} in a row.
 *
 * <p>Audited in the log by username only, never with a secret or a code: set up, turned off, wrong codes, lock-outs,
 * recovery codes used.
 */
public final class TwoFactorService {

	private static final Logger audit = LoggerFactory.getLogger("se.goteborg.vaksam.identity.audit");

	/** 160 bits, as RFC 4226 recommends. */
	private static final int SECRET_BYTES = 20;

	/** A set-up left half-way is taken up again for this long, then started afresh. */
	private static final Duration SETUP_KEPT = Duration.ofHours(1);

	/** What became of a code. */
	public enum Outcome {

		ACCEPTED, WRONG_CODE, REPLAYED, LOCKED, NOT_ENROLLED

	}

	/**
	 * @param lockedUntil when {@link Outcome#LOCKED}: until when
	 * @param recoveryCodesLeft when a recovery code was accepted: how many are left
	 */
	public record Verification(Outcome outcome, Instant lockedUntil, int recoveryCodesLeft) {

		public boolean accepted() {
			return this.outcome == Outcome.ACCEPTED;
		}

	}

	/** An authenticator being set up: the secret in base32, for typing, and as an {@code otpauth://} URI. */
	public record Setup(String secret, String uri) {

		@Override
		public String toString() {
			return "Setup[(secret)]";
		}

	}

	private final EnrolmentStore store;

	private final SecretCipher cipher;

	private final Clock clock;

	private final TwoFactorProperties settings;

	private final SecureRandom random;

	TwoFactorService(EnrolmentStore store, SecretCipher cipher, Clock clock, TwoFactorProperties settings,
			SecureRandom random) {
		this.store = store;
		this.cipher = cipher;
		this.clock = clock;
		this.settings = settings;
		this.random = random;
	}

	/** Whether the person logs in with a code: they confirmed an authenticator. */
	public boolean enrolled(String username) {
		return this.store.find(username).filter(Enrolment::active).isPresent();
	}

	/** Until when the person's second factor is locked, if it is now. */
	public Optional<Instant> lockedUntil(String username) {
		Instant now = this.clock.instant();
		return this.store.find(username).filter(enrolment -> enrolment.lockedAt(now)).map(Enrolment::lockedUntil);
	}

	/**
	 * The authenticator the person is setting up: the one begun within the last hour, else a new secret. Empty when
	 * the person has an active one.
	 */
	public Optional<Setup> setUp(String username) {
		Instant now = this.clock.instant();
		Optional<Enrolment> existing = this.store.find(username);
		if (existing.filter(Enrolment::active).isPresent()) {
			return Optional.empty();
		}
		Optional<Enrolment> recent = existing.filter(enrolment -> enrolment.createdAt().plus(SETUP_KEPT).isAfter(now));
		if (recent.isPresent()) {
			return Optional.of(setup(username, openSecret(recent.get())));
		}
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		if (!this.store.startEnrolment(username, this.cipher.seal(secret, username), now)) {
			return Optional.empty();
		}
		return Optional.of(setup(username, secret));
	}

	/**
	 * Confirms the authenticator being set up with one of its codes; it counts from then on.
	 * @return the recovery codes, to be shown once; empty when the code is wrong or nothing is being set up
	 */
	public Optional<List<String>> confirm(String username, String code) {
		Instant now = this.clock.instant();
		Optional<Enrolment> pending = this.store.find(username).filter(enrolment -> !enrolment.active());
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		byte[] secret = openSecret(pending.get());
		OptionalLong step = Totp.matchingStep(secret, normalised(code), now);
		Arrays.fill(secret, (byte) 0);
		if (step.isEmpty()) {
			audit.info("Two-factor set-up: a wrong confirmation code for {}", username);
			return Optional.empty();
		}
		List<String> recoveryCodes = RecoveryCodes.generate(this.random, this.settings.recoveryCodes());
		List<String> hashes = recoveryCodes.stream().map(RecoveryCodes::hash).toList();
		if (!this.store.activate(username, pending.get().sealedSecret(), step.getAsLong(), hashes, now)) {
			return Optional.empty();
		}
		audit.info("Two-factor turned on for {}", username);
		return Optional.of(recoveryCodes);
	}

	/** Checks a code from the person's authenticator at login. */
	public Verification verify(String username, String code) {
		return check(username, enrolment -> {
			byte[] secret = openSecret(enrolment);
			OptionalLong step = Totp.matchingStep(secret, normalised(code), this.clock.instant());
			Arrays.fill(secret, (byte) 0);
			if (step.isEmpty()) {
				return failure(username, Outcome.WRONG_CODE);
			}
			if (!this.store.useStep(username, step.getAsLong())) {
				return failure(username, Outcome.REPLAYED);
			}
			return new Verification(Outcome.ACCEPTED, null, enrolment.recoveryCodesLeft());
		});
	}

	/** Checks a recovery code instead; each counts once. */
	public Verification verifyRecoveryCode(String username, String code) {
		return check(username, enrolment -> {
			if (!RecoveryCodes.plausible(code) || !this.store.useRecoveryCode(username, RecoveryCodes.hash(code))) {
				return failure(username, Outcome.WRONG_CODE);
			}
			int left = enrolment.recoveryCodesLeft() - 1;
			audit.info("Two-factor: {} used a recovery code, {} left", username, left);
			return new Verification(Outcome.ACCEPTED, null, left);
		});
	}

	/** Turns the second factor off, with a valid code from the authenticator (or a recovery code). */
	public Verification turnOff(String username, String code) {
		Verification verification = RecoveryCodes.plausible(code) ? verifyRecoveryCode(username, code)
				: verify(username, code);
		if (verification.accepted() && this.store.remove(username)) {
			audit.info("Two-factor turned off for {}", username);
		}
		return verification;
	}

	/** The demo's pre-enrolled person, unless they have an authenticator already. */
	void seed(String username, byte[] secret) {
		this.store.seed(username, this.cipher.seal(secret, username), this.clock.instant());
	}

	private Verification check(String username, Function<Enrolment, Verification> checker) {
		Optional<Enrolment> enrolment = this.store.find(username).filter(Enrolment::active);
		if (enrolment.isEmpty()) {
			return new Verification(Outcome.NOT_ENROLLED, null, 0);
		}
		Instant now = this.clock.instant();
		if (enrolment.get().lockedAt(now)) {
			audit.info("Two-factor: a code for {} refused during a lock-out", username);
			return new Verification(Outcome.LOCKED, enrolment.get().lockedUntil(), 0);
		}
		return checker.apply(enrolment.get());
	}

	private Verification failure(String username, Outcome outcome) {
		audit.info("Two-factor: {} for {}", outcome == Outcome.REPLAYED ? "a code used before" : "a wrong code",
				username);
		Optional<Instant> locked = this.store.recordFailure(username, this.clock.instant(),
				this.settings.maxFailures(), this.settings.lockout());
		if (locked.isPresent()) {
			audit.warn("Two-factor: {} locked out until {} after {} wrong codes", username, locked.get(),
					this.settings.maxFailures());
			return new Verification(Outcome.LOCKED, locked.get(), 0);
		}
		return new Verification(outcome, null, 0);
	}

	private byte[] openSecret(Enrolment enrolment) {
		return this.cipher.open(enrolment.sealedSecret(), enrolment.username());
	}

	private Setup setup(String username, byte[] secret) {
		String base32 = new Base32().encodeAsString(secret).replace("=", "");
		Arrays.fill(secret, (byte) 0);
		String issuer = this.settings.issuer();
		String label = encode(issuer) + ":" + encode(username);
		String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.getSeconds();
		return new Setup(base32, uri);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String normalised(String code) {
		return code == null ? null : code.replaceAll("\\s", "");
	}

}
