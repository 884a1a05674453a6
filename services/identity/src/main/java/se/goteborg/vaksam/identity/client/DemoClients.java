package se.goteborg.vaksam.identity.client;

import java.util.List;

/**
 * The local demo's clients (DESIGN.md): one per recipient plus the coordinator, each with the
 * secret {@code <client>-secret}, and a public browser client for staff logins. Registered only
 * when {@code vaksam.demo.enabled=true}.
 */
final class DemoClients {

	static final String WEB_CLIENT_ID = "vaksam-web-demo";

	private DemoClients() {
	}

	static List<ClientDefinition> definitions(List<String> webRedirectUris) {
		return List.of(recipient("police-demo", "POLICE"), recipient("mika-demo", "MIKAMOTTAGNINGEN"),
				recipient("social-children-demo", "SOCIAL_SERVICES_CHILDREN"),
				recipient("region-coordinators-demo", "REGION_COORDINATORS"),
				new ClientDefinition("lettings-demo", secret("lettings-demo"), "LETTINGS_GROUP",
						List.of("RECIPIENT", "LETTINGS"), List.of()),
				new ClientDefinition("coordinator-demo", secret("coordinator-demo"), null, List.of("COORDINATOR"),
						List.of()),
				new ClientDefinition(WEB_CLIENT_ID, null, null, List.of(), webRedirectUris));
	}

	private static ClientDefinition recipient(String id, String recipient) {
		return new ClientDefinition(id, secret(id), recipient, List.of("RECIPIENT"), List.of());
	}

	private static String secret(String id) {
		return "{noop}" + id + "-secret";
	}

}
