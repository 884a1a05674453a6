package se.goteborg.vaksam.identity.token;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps browser-login authorizations (codes, refresh tokens) but not client-credentials ones: those
 * tokens are self-contained JWTs that services verify with the published keys, and recipient systems
 * fetch them all day, so keeping each one in memory would only grow without bound.
 */
final class ClientCredentialsNotStoredAuthorizationService implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate;

	ClientCredentialsNotStoredAuthorizationService(OAuth2AuthorizationService delegate) {
		this.delegate = delegate;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
			this.delegate.save(authorization);
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.delegate.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return this.delegate.findByToken(token, tokenType);
	}

}
