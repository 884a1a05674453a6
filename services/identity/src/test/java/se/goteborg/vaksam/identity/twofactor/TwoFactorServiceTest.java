package se.goteborg.vaksam.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.identity.MutableClock;
import se.goteborg.vaksam.identity.twofactor.TwoFactorService.Outcome;
import se.goteborg.vaksam.identity.twofactor.TwoFactorService.Setup;

class TwoFactorServiceTest {

	private static final String PERSON = "police-officer";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:10Z"));

	private final InMemoryEnrolmentStore store = new InMemoryEnrolmentStore();

	private final TwoFactorProperties settings = new TwoFactorProperties(true, null, null, null, "Vaksam", 5,
			Duration.ofMinutes(15), 10);

	private TwoFactorService twoFactor;

	@BeforeEach
	void service() {
		this.twoFactor = new TwoFactorService(this.store, SecretCipher.fromKeyset(SecretCipher.generateKeyset()),
				this.clock, this.settings, new SecureRandom());
	}

	@Test
	void theAuthenticatorCountsOnlyOnceAConfirmationCodeWasRight() {
		Setup setup = this.twoFactor.setUp(PERSON).orElseThrow();
		assertThat(this.twoFactor.enrolled(PERSON)).isFalse();
		assertThat(setup.uri()).isEqualTo("otpauth://totp/Vaksam:police-officer?secret=" + setup.secret()
				+ "&issuer=Vaksam&algorithm=SHA1&digits=6&period=30");
		assertThat(setup.secret()).matches("[A-Z2-7]{32}");

		assertThat(this.twoFactor.confirm(PERSON, "000000")).isEmpty();
		assertThat(this.twoFactor.enrolled(PERSON)).isFalse();
		assertThat(this.twoFactor.setUp(PERSON)).as("a set-up left half-way is taken up again").contains(setup);

		List<String> recoveryCodes = this.twoFactor.confirm(PERSON, codeNow(setup, 0)).orElseThrow();
		assertThat(this.twoFactor.enrolled(PERSON)).isTrue();
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("([a-z2-7]{4}-){3}[a-z2-7]{4}"));
		assertThat(this.twoFactor.setUp(PERSON)).as("no second authenticator beside an active one").isEmpty();
	}

	@Test
	void theConfirmationCodeCannotBeUsedAgainToLogIn() {
		Setup setup = enrol();

		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).outcome()).isEqualTo(Outcome.REPLAYED);
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 1)).outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void eachCodeCountsOnceAndNeverAnEarlierOneAfterIt() {
		Setup setup = enrol();
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).outcome()).isEqualTo(Outcome.REPLAYED);
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, -1)).outcome())
			.as("the previous step's code, still within the window, after a later one was used")
			.isEqualTo(Outcome.REPLAYED);
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 1)).outcome())
			.as("the next step's code, for a clock a little ahead")
			.isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void codesCountWithinOneStepEitherSide() {
		Setup setup = enrol();
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, -2)).outcome()).isEqualTo(Outcome.WRONG_CODE);
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, -1)).outcome()).isEqualTo(Outcome.ACCEPTED);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 2)).outcome()).isEqualTo(Outcome.WRONG_CODE);
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 1)).outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void fiveWrongCodesLockTheSecondFactorForAQuarterOfAnHour() {
		Setup setup = enrol();
		this.clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 4; i++) {
			assertThat(this.twoFactor.verify(PERSON, "000000").outcome()).isEqualTo(Outcome.WRONG_CODE);
		}
		TwoFactorService.Verification fifth = this.twoFactor.verify(PERSON, "000000");
		assertThat(fifth.outcome()).isEqualTo(Outcome.LOCKED);
		assertThat(fifth.lockedUntil()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(15)));

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).outcome())
			.as("even the right code during the lock-out")
			.isEqualTo(Outcome.LOCKED);
		assertThat(this.twoFactor.lockedUntil(PERSON)).contains(fifth.lockedUntil());

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.twoFactor.lockedUntil(PERSON)).isEmpty();
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).outcome()).isEqualTo(Outcome.ACCEPTED);
	}

	@Test
	void anAcceptedCodeStartsTheCountOfWrongOnesAgain() {
		Setup setup = enrol();
		this.clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 4; i++) {
			this.twoFactor.verify(PERSON, "000000");
		}
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).outcome()).isEqualTo(Outcome.ACCEPTED);

		assertThat(this.twoFactor.verify(PERSON, "000000").outcome()).isEqualTo(Outcome.WRONG_CODE);
	}

	@Test
	void replayedCodesCountAsWrongOnes() {
		Setup setup = enrol();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).accepted()).isTrue();
		for (int i = 0; i < 4; i++) {
			assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).outcome()).isEqualTo(Outcome.REPLAYED);
		}
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 0)).outcome()).isEqualTo(Outcome.LOCKED);
	}

	@Test
	void eachRecoveryCodeWorksOnce() {
		Setup setup = this.twoFactor.setUp(PERSON).orElseThrow();
		List<String> codes = this.twoFactor.confirm(PERSON, codeNow(setup, 0)).orElseThrow();

		TwoFactorService.Verification first = this.twoFactor.verifyRecoveryCode(PERSON, codes.get(3).toUpperCase());
		assertThat(first.outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(first.recoveryCodesLeft()).isEqualTo(9);
		assertThat(this.twoFactor.verifyRecoveryCode(PERSON, codes.get(3)).outcome()).isEqualTo(Outcome.WRONG_CODE);
		assertThat(this.twoFactor.verifyRecoveryCode(PERSON, codes.get(4).replace("-", " ")).accepted()).isTrue();
		assertThat(this.twoFactor.verifyRecoveryCode(PERSON, "not-a-code").outcome()).isEqualTo(Outcome.WRONG_CODE);
	}

	@Test
	void turningOffTakesAValidCodeAndThenNoCodeCounts() {
		Setup setup = enrol();
		this.clock.advance(Duration.ofMinutes(1));

		assertThat(this.twoFactor.turnOff(PERSON, "000000").outcome()).isEqualTo(Outcome.WRONG_CODE);
		assertThat(this.twoFactor.enrolled(PERSON)).isTrue();
		assertThat(this.twoFactor.turnOff(PERSON, codeNow(setup, 0)).accepted()).isTrue();
		assertThat(this.twoFactor.enrolled(PERSON)).isFalse();
		assertThat(this.twoFactor.verify(PERSON, codeNow(setup, 1)).outcome()).isEqualTo(Outcome.NOT_ENROLLED);
		assertThat(this.twoFactor.setUp(PERSON).orElseThrow().secret()).as("a new secret").isNotEqualTo(setup.secret());
	}

	@Test
	void nobodyWithoutAnAuthenticatorIsAskedForACode() {
		assertThat(this.twoFactor.verify("coordinator", "123456").outcome()).isEqualTo(Outcome.NOT_ENROLLED);
		assertThat(this.twoFactor.enrolled("coordinator")).isFalse();
	}

	@Test
	void theDemoPersonIsSeededWithTheDocumentedSecretOnce() {
		this.twoFactor.seed(DemoTwoFactor.ENROLLED_PERSON, DemoTwoFactor.secret());
		byte[] secret = new Base32().decode(DemoTwoFactor.SECRET);

		assertThat(this.twoFactor.enrolled(DemoTwoFactor.ENROLLED_PERSON)).isTrue();
		String code = Totp.code(secret, Totp.step(this.clock.instant()));
		assertThat(this.twoFactor.verify(DemoTwoFactor.ENROLLED_PERSON, code).accepted()).isTrue();
		this.twoFactor.seed(DemoTwoFactor.ENROLLED_PERSON, DemoTwoFactor.secret());
		assertThat(this.twoFactor.verify(DemoTwoFactor.ENROLLED_PERSON, code).outcome())
			.as("seeding again leaves the person's enrolment as it is")
			.isEqualTo(Outcome.REPLAYED);
	}

	private Setup enrol() {
		Setup setup = this.twoFactor.setUp(PERSON).orElseThrow();
		this.twoFactor.confirm(PERSON, codeNow(setup, 0)).orElseThrow();
		return setup;
	}

	/** The code of the step {@code offset} steps from the clock's, as an authenticator app would show it. */
	private String codeNow(Setup setup, int offset) {
		return Totp.code(new Base32().decode(setup.secret()), Totp.step(this.clock.instant()) + offset);
	}

}
