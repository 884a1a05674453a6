package se.goteborg.vaksam.identity.client;

import java.util.List;

/**
 * The local demo's API clients (DESIGN.md): one per recipient plus the coordinator and an auditor of the openings
 * log, each with the secret
 * {@code <client>-secret}. Registered only when {@code vaksam.demo.enabled=true}, as is the gateway's login
 * client with {@link GatewayClient#DEMO_SECRET} unless a secret is configured.
 */
final class DemoClients {

	private DemoClients() {
	}

	static List<ClientDefinition> definitions() {
		return List.of(recipient("police-demo", "POLICE"), recipient("mika-demo", "MIKAMOTTAGNINGEN"),
				recipient("social-children-demo", "SOCIAL_SERVICES_CHILDREN"),
				recipient("region-coordinators-demo", "REGION_COORDINATORS"),
				new ClientDefinition("lettings-demo", secret("lettings-demo"), "LETTINGS_GROUP",
						List.of("RECIPIENT", "LETTINGS")),
				new ClientDefinition("coordinator-demo", secret("coordinator-demo"), null, List.of("COORDINATOR")),
				new ClientDefinition("auditor-demo", secret("auditor-demo"), null, List.of("AUDITOR")));
	}

	private static ClientDefinition recipient(String id, String recipient) {
		return new ClientDefinition(id, secret(id), recipient, List.of("RECIPIENT"));
	}

	private static String secret(String id) {
		return "{noop}" + id + "-secret";
	}

}
