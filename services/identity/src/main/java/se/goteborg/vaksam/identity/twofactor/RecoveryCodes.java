package se.goteborg.vaksam.identity.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.apache.commons.codec.binary.Base32;

/**
 * One-time recovery codes, for when the authenticator is lost: 80 random bits each, written as four groups of four
 * base32 letters and digits ({@code abcd-efgh-ijkl-mnop}). Only their SHA-256 hashes are stored: with 80 bits a
 * fast hash is as good as a slow one, and it lets the store find and strike out a code in one atomic update.
 */
final class RecoveryCodes {

	private static final int BYTES = 10;

	private static final int GROUP = 4;

	private RecoveryCodes() {
	}

	static List<String> generate(SecureRandom random, int count) {
		Base32 base32 = new Base32();
		List<String> codes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			byte[] bytes = new byte[BYTES];
			random.nextBytes(bytes);
			String plain = base32.encodeAsString(bytes).toLowerCase(Locale.ROOT);
			StringBuilder grouped = new StringBuilder();
			for (int at = 0; at < plain.length(); at += GROUP) {
				if (at > 0) {
					grouped.append('-');
				}
				grouped.append(plain, at, at + GROUP);
			}
			codes.add(grouped.toString());
		}
		return codes;
	}

	/** The hash of a code as typed: case, spaces and dashes do not matter. */
	static String hash(String typed) {
		String normalised = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

	/** Whether {@code typed} can be a recovery code at all, before any look-up. */
	static boolean plausible(String typed) {
		return typed != null && typed.replaceAll("[\\s-]", "").matches("(?i)[a-z2-7]{16}");
	}

}
