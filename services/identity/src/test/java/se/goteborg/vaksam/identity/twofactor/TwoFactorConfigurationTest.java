package se.goteborg.vaksam.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;

class TwoFactorConfigurationTest {

	@Test
	void outsideTheDemoIdentityDoesNotStartWithoutAKeyset() {
		assertThatThrownBy(() -> TwoFactorConfiguration.keyset(properties(null, null), false))
			.hasMessageContaining("VAKSAM_IDENTITY_TWO_FACTOR_KEYSET");
	}

	@Test
	void theDemoHasItsOwnKeysetAndAConfiguredOneWins() {
		SecretCipher.fromKeyset(TwoFactorConfiguration.keyset(properties(null, null), true));
		String configured = SecretCipher.generateKeyset();

		assertThat(TwoFactorConfiguration.keyset(properties(configured, null), true)).isEqualTo(configured);
	}

	@Test
	void everyPersonMustUseASecondFactorUnlessConfiguredOtherwiseOrInTheDemo() {
		var police = AuthorityUtils.createAuthorityList("ROLE_RECIPIENT", "RECIPIENT_POLICE");
		var coordinator = AuthorityUtils.createAuthorityList("ROLE_COORDINATOR");

		assertThat(TwoFactorPolicy.of(properties(null, null), false).requires(police)).isTrue();
		assertThat(TwoFactorPolicy.of(properties(null, null), true).requires(police)).isFalse();
		TwoFactorPolicy coordinators = TwoFactorPolicy.of(properties(null, List.of("COORDINATOR")), false);
		assertThat(coordinators.requires(coordinator)).isTrue();
		assertThat(coordinators.requires(police)).isFalse();
		assertThat(TwoFactorPolicy.of(properties(null, List.of("*")), true).requires(police)).isTrue();
		assertThat(TwoFactorPolicy.of(properties(null, List.of("")), false).requires(police))
			.as("set empty: nobody")
			.isFalse();
	}

	private static TwoFactorProperties properties(String keyset, List<String> requiredRoles) {
		return new TwoFactorProperties(true, requiredRoles, keyset, null, "Vaksam", 5, Duration.ofMinutes(15), 10);
	}

}
