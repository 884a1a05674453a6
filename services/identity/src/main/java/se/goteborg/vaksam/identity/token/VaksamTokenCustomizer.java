package se.goteborg.vaksam.identity.token;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds {@code recipient} and {@code roles} to access tokens. A client acting for itself (client
 * credentials) carries its configured recipient and roles; a person logged in through the browser
 * carries their own, whatever client they used.
 */
final class VaksamTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		Identity identity = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
				? ofClient(context.getRegisteredClient()) : ofUser(context.getPrincipal());
		if (identity.recipient() != null) {
			context.getClaims().claim(TokenClaims.RECIPIENT, identity.recipient());
		}
		context.getClaims().claim(TokenClaims.ROLES, identity.roles());
	}

	private static Identity ofClient(RegisteredClient client) {
		String recipient = client.getClientSettings().getSetting(TokenClaims.RECIPIENT_SETTING);
		List<String> roles = client.getClientSettings().getSetting(TokenClaims.ROLES_SETTING);
		return new Identity(recipient, roles != null ? roles : List.of());
	}

	private static Identity ofUser(Authentication principal) {
		String recipient = null;
		List<String> roles = new ArrayList<>();
		for (GrantedAuthority granted : principal.getAuthorities()) {
			String authority = granted.getAuthority();
			if (authority == null) {
				continue;
			}
			if (authority.startsWith(TokenClaims.RECIPIENT_AUTHORITY_PREFIX)) {
				recipient = authority.substring(TokenClaims.RECIPIENT_AUTHORITY_PREFIX.length());
			}
			else if (authority.startsWith(TokenClaims.ROLE_AUTHORITY_PREFIX)) {
				roles.add(authority.substring(TokenClaims.ROLE_AUTHORITY_PREFIX.length()));
			}
		}
		return new Identity(recipient, List.copyOf(roles));
	}

	private record Identity(String recipient, List<String> roles) {
	}

}
