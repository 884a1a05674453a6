package se.goteborg.vaksam.web.problem;

/**
 * The {@code Idempotency-Key} request header as Vaksam's APIs take it: 1 to {@value #MAX_LENGTH} visible ASCII
 * characters, so that it can be stored and compared as it is. A malformed one is refused, naming the header.
 */
public final class IdempotencyKeys {

	public static final String HEADER = "Idempotency-Key";
	public static final int MAX_LENGTH = 255;

	private IdempotencyKeys() {
	}

	public static boolean isValid(String key) {
		return !key.isEmpty() && key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
	}

	/** The 400 for a malformed key. */
	public static InvalidFieldsException invalid() {
		return InvalidFieldsException.of(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters");
	}

}
