package se.goteborg.vaksam.identity.login;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import se.goteborg.vaksam.identity.twofactor.DemoTwoFactor;

/**
 * Staff accounts of the local demo, one per recipient plus a coordinator, all with the password
 * {@code demo}. Authorities follow the token claims: {@code ROLE_<role>} and
 * {@code RECIPIENT_<code>}. Besides them {@link DemoTwoFactor}'s two: one with an authenticator set up, one kept
 * for setting one up.
 */
final class DemoUsers {

	private DemoUsers() {
	}

	static List<UserDetails> all() {
		return List.of(user("police-officer", "POLICE", "RECIPIENT"), user("mika-worker", "MIKAMOTTAGNINGEN", "RECIPIENT"),
				user("social-children-worker", "SOCIAL_SERVICES_CHILDREN", "RECIPIENT"),
				user("region-coordinator", "REGION_COORDINATORS", "RECIPIENT"),
				user("lettings-officer", "LETTINGS_GROUP", "RECIPIENT", "LETTINGS"), user("coordinator", null, "COORDINATOR"),
				user("auditor", null, "AUDITOR"),
				user(DemoTwoFactor.ENROLLED_PERSON, "POLICE", "RECIPIENT"),
				user(DemoTwoFactor.TRIAL_PERSON, "LETTINGS_GROUP", "RECIPIENT", "LETTINGS"));
	}

	private static UserDetails user(String username, String recipient, String... roles) {
		List<String> authorities = new ArrayList<>();
		for (String role : roles) {
			authorities.add("ROLE_" + role);
		}
		if (recipient != null) {
			authorities.add("RECIPIENT_" + recipient);
		}
		return User.withUsername(username).password("{noop}demo").authorities(authorities.toArray(String[]::new)).build();
	}

}
