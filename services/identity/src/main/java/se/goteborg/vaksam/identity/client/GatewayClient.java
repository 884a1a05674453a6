package se.goteborg.vaksam.identity.client;

/**
 * The gateway as an OAuth2 client: it logs people in (authorization code with PKCE), keeps their tokens on the
 * server side and relays the access token to the services. Its addresses are fixed paths under the public base
 * URL, the same as in the gateway's configuration.
 */
final class GatewayClient {

	static final String ID = "vaksam-gateway";

	/** Where identity sends the browser back with the code; not under identity's own paths at the gateway. */
	static final String CALLBACK_PATH = "/auth/code/vaksam";

	/** Where the browser lands after logging out. */
	static final String AFTER_LOGOUT_PATH = "/";

	/** The demo's secret, {@code <client>-secret} like every demo client's. */
	static final String DEMO_SECRET = "{noop}" + ID + "-secret";

	private GatewayClient() {
	}

}
