package se.goteborg.vaksam.gateway.login;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vaksam.gateway.login.*}: the gateway as identity's OAuth2 client.
 *
 * @param clientId the gateway's client id at identity
 * @param clientSecret the gateway's client secret (plain: the gateway sends it); required outside the demo
 */
@ConfigurationProperties("vaksam.gateway.login")
record LoginProperties(@DefaultValue("vaksam-gateway") String clientId, String clientSecret) {

	/** The demo's secret, as identity registers the gateway when the demo is on. */
	static final String DEMO_SECRET = "vaksam-gateway-secret";

	String secret(boolean demo) {
		if (this.clientSecret != null && !this.clientSecret.isBlank()) {
			return this.clientSecret;
		}
		if (demo) {
			return DEMO_SECRET;
		}
		throw new IllegalStateException("vaksam.gateway.login.client-secret (VAKSAM_GATEWAY_LOGIN_CLIENT_SECRET) is "
				+ "required outside the demo: the gateway logs people in with it at identity");
	}

}
