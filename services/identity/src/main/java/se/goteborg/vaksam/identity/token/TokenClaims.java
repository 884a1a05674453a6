package se.goteborg.vaksam.identity.token;

/**
 * The claims Vaksam adds to access tokens, and where they come from: the client's settings for
 * client credentials, the user's authorities for browser logins.
 */
public final class TokenClaims {

	public static final String RECIPIENT = "recipient";

	public static final String ROLES = "roles";

	/** Client setting holding the recipient code. */
	public static final String RECIPIENT_SETTING = "vaksam.recipient";

	/** Client setting holding the list of roles. */
	public static final String ROLES_SETTING = "vaksam.roles";

	/** User authority prefix for the recipient, e.g. {@code RECIPIENT_POLICE}. */
	public static final String RECIPIENT_AUTHORITY_PREFIX = "RECIPIENT_";

	public static final String ROLE_AUTHORITY_PREFIX = "ROLE_";

	private TokenClaims() {
	}

}
