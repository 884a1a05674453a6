package se.goteborg.vaksam.identity.twofactor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vaksam.identity.two-factor.*}: people's second factor (TOTP authenticator apps).
 *
 * @param enabled whether people can set up and must use a second factor at all; off, logins take the password only
 * and identity needs no store
 * @param requiredRoles roles whose people must use a second factor: a person with any of them who has none is sent
 * to set one up before continuing; {@code *} is every person, an empty list nobody (people may still set one up).
 * Not set: every person, except in the demo, where nobody is required (the demo's people log in with the password,
 * its pre-enrolled person with a code)
 * @param keyset Tink JSON AEAD keyset that seals the TOTP secrets at rest; required (or {@code keysetFile}) outside
 * the demo, which uses a fixed demo keyset
 * @param keysetFile path of a file holding the keyset
 * @param issuer the name authenticator apps show beside the username
 * @param maxFailures wrong codes in a row after which the person's second factor is locked
 * @param lockout how long a lock-out lasts
 * @param recoveryCodes how many one-time recovery codes a person gets when setting up
 */
@ConfigurationProperties("vaksam.identity.two-factor")
public record TwoFactorProperties(@DefaultValue("true") boolean enabled, List<String> requiredRoles, String keyset,
		Path keysetFile, @DefaultValue("Vaksam") String issuer, @DefaultValue("5") int maxFailures,
		@DefaultValue("15m") Duration lockout, @DefaultValue("10") int recoveryCodes) {

	/** Every person, in {@link #requiredRoles}. */
	public static final String EVERYONE = "*";

	public TwoFactorProperties {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("vaksam.identity.two-factor.max-failures must be at least 1");
		}
		if (recoveryCodes < 1) {
			throw new IllegalArgumentException("vaksam.identity.two-factor.recovery-codes must be at least 1");
		}
	}

	@Override
	public String toString() {
		return "TwoFactorProperties[enabled=" + this.enabled + ", requiredRoles=" + this.requiredRoles
				+ ", keyset=" + (this.keyset == null ? "none" : "(secret)") + ", keysetFile=" + this.keysetFile
				+ ", maxFailures=" + this.maxFailures + ", lockout=" + this.lockout + "]";
	}

}
