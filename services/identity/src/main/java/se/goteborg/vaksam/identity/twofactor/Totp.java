package se.goteborg.vaksam.identity.twofactor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238): the HOTP value (RFC 4226) of the number of 30-second steps since the
 * epoch, as authenticator apps compute it by default (HMAC-SHA1, six digits).
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	static final int DIGITS = 6;

	static final String ALGORITHM = "HmacSHA1";

	/** Steps either side of the current one whose codes still count: clocks drift and people type slowly. */
	static final int WINDOW = 1;

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
	}

	static String code(byte[] key, long step) {
		return code(key, step, ALGORITHM, DIGITS);
	}

	static String code(byte[] key, long step, String algorithm, int digits) {
		if (digits < 1 || digits >= POWERS.length) {
			throw new IllegalArgumentException("digits must be 1 to " + (POWERS.length - 1));
		}
		byte[] hash;
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is unavailable", ex);
		}
		// Dynamic truncation (RFC 4226, 5.3): four bytes at the offset the last nibble names, without the sign bit.
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format(Locale.ROOT, "%0" + digits + "d", binary % POWERS[digits]);
	}

	/**
	 * The step within {@link #WINDOW} of {@code now} whose code {@code code} is, the latest if several are; empty
	 * when none is. Every candidate is computed and compared in constant time, whatever matches.
	 */
	static OptionalLong matchingStep(byte[] key, String code, Instant now) {
		if (code == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
		long current = step(now);
		OptionalLong found = OptionalLong.empty();
		for (long step = current + WINDOW; step >= current - WINDOW; step--) {
			boolean equal = MessageDigest.isEqual(code(key, step).getBytes(StandardCharsets.US_ASCII), typed);
			if (equal && found.isEmpty()) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

}
