package se.goteborg.vaksam.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

	private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
		.getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238, appendix B: every time, all three algorithms, eight digits. */
	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void rfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
		long step = Totp.step(Instant.ofEpochSecond(seconds));

		assertThat(Totp.code(SHA1_SEED, step, "HmacSHA1", 8)).isEqualTo(sha1);
		assertThat(Totp.code(SHA256_SEED, step, "HmacSHA256", 8)).isEqualTo(sha256);
		assertThat(Totp.code(SHA512_SEED, step, "HmacSHA512", 8)).isEqualTo(sha512);
	}

	@Test
	void appsShowTheLastSixDigitsOfTheSha1Value() {
		assertThat(Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
	}

	@Test
	void aStepIsThirtySecondsFromTheEpoch() {
		assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
		assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
		assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
		assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
	}

	@Test
	void codesOfOneStepEitherSideCountAndNoFurther() {
		Instant now = Instant.ofEpochSecond(1_700_000_015);
		long current = Totp.step(now);

		assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current), now)).hasValue(current);
		assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current - 1), now)).hasValue(current - 1);
		assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current + 1), now)).hasValue(current + 1);
		assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, current + 2), now)).isEmpty();
	}

	@Test
	void anythingButSixDigitsIsNoCode() {
		Instant now = Instant.ofEpochSecond(1_700_000_015);
		String code = Totp.code(SHA1_SEED, Totp.step(now));

		for (String typed : new String[] { null, "", code.substring(1), code + "0", "12345a", "１２３４５６" }) {
			assertThat(Totp.matchingStep(SHA1_SEED, typed, now)).as(String.valueOf(typed)).isEqualTo(OptionalLong.empty());
		}
	}

}
