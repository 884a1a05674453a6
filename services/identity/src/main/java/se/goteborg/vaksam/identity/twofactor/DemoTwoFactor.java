package se.goteborg.vaksam.identity.twofactor;

import org.apache.commons.codec.binary.Base32;

/**
 * The demo's second factor: one person with an authenticator already set up, under a fixed secret written in the
 * README (so the login can be tried with any authenticator app, or {@code oathtool --totp -b <secret>}), and one
 * without, kept for trying the set-up. Only with {@code vaksam.demo.enabled=true}.
 */
public final class DemoTwoFactor {

	/** Police, like {@code police-officer}, but logging in with a code. */
	public static final String ENROLLED_PERSON = "police-duty";

	/** The lettings group, like {@code lettings-officer}, without an authenticator: for setting one up. */
	public static final String TRIAL_PERSON = "two-factor-trial";

	/** Base32, as authenticator apps take it. Public: never use it for anything but the demo. */
	public static final String SECRET = "VAKSAMPOLICEDUTYDEMOTOTPSECRET22";

	/** The demo's keyset for sealing secrets at rest, in the repository: it protects nothing. */
	static final String KEYSET_RESOURCE = "demo/two-factor-demo-keyset.json";

	private DemoTwoFactor() {
	}

	static byte[] secret() {
		return new Base32().decode(SECRET);
	}

}
