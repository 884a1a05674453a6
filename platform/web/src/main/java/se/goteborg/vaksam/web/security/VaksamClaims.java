package se.goteborg.vaksam.web.security;

/** Names of the claims identity puts into Vaksam access tokens. */
public final class VaksamClaims {

	/** The recipient organisation code (e.g. {@code POLICE}); absent for non-recipient callers. */
	public static final String RECIPIENT = "recipient";

	/** Array of role names (e.g. {@code ["RECIPIENT"]}, {@code ["COORDINATOR"]}). */
	public static final String ROLES = "roles";

	/** Authority prefix for the recipient claim: {@code RECIPIENT_POLICE}. */
	public static final String RECIPIENT_AUTHORITY_PREFIX = "RECIPIENT_";

	private VaksamClaims() {
	}

}
