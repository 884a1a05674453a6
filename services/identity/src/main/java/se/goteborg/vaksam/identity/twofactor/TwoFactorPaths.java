package se.goteborg.vaksam.identity.twofactor;

/** The second factor's pages. The gateway routes {@code /login/**} and {@code /account/**} to identity. */
public final class TwoFactorPaths {

	/** The code from the authenticator, after the password. */
	public static final String CODE = "/login/code";

	/** A recovery code instead. */
	public static final String RECOVERY = "/login/recovery";

	/** Setting up an authenticator, or turning it off. */
	public static final String SET_UP = "/account/two-factor";

	static final String CONFIRM = SET_UP + "/confirm";

	static final String TURN_OFF = SET_UP + "/turn-off";

	/** Where the login goes on once the second factor is done: the request that asked for it. */
	static final String CONTINUE = SET_UP + "/continue";

	private TwoFactorPaths() {
	}

}
