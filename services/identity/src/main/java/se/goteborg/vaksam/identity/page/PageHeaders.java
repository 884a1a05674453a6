package se.goteborg.vaksam.identity.page;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers of identity's pages: a CSP that allows nothing but identity's own style sheet (no script, no inline
 * style, forms only to itself), no referrer, no frames, no device features.
 */
public final class PageHeaders {

	static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private PageHeaders() {
	}

	public static void apply(HttpSecurity http) {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.frameOptions(frames -> frames.deny())
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
	}

}
