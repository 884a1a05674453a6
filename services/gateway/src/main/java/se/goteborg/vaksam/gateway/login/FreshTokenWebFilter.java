package se.goteborg.vaksam.gateway.login;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Makes sure a logged-in person's page request has a current access token to relay, renewing it with the refresh
 * token when it is about to run out. When it cannot be renewed (the refresh token expired, identity forgot it),
 * the gateway's login ends and the request is answered as if nobody were logged in: a page read goes through
 * identity again, which lets a person with a live identity session straight back to the page; anything else is a
 * 401. Without this the relay would pass the request on with a dead token, or none.
 */
final class FreshTokenWebFilter implements WebFilter {

	private static final Logger log = LoggerFactory.getLogger(FreshTokenWebFilter.class);

	private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

	private final ServerSecurityContextRepository securityContexts;

	private final ServerAuthenticationEntryPoint entryPoint;

	private final Clock clock;

	FreshTokenWebFilter(ReactiveOAuth2AuthorizedClientManager authorizedClients,
			ServerSecurityContextRepository securityContexts, ServerAuthenticationEntryPoint entryPoint, Clock clock) {
		this.authorizedClients = authorizedClients;
		this.securityContexts = securityContexts;
		this.entryPoint = entryPoint;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return PersonPages.pages()
			.matches(exchange)
			.flatMap(page -> page.isMatch() ? hasCurrentToken(exchange) : Mono.just(true))
			.flatMap(current -> current ? chain.filter(exchange) : logInAgain(exchange));
	}

	private Mono<Boolean> hasCurrentToken(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.ofType(OAuth2AuthenticationToken.class)
			.flatMap(login -> this.authorizedClients.authorize(OAuth2AuthorizeRequest
				.withClientRegistrationId(login.getAuthorizedClientRegistrationId())
				.principal(login)
				.attribute(ServerWebExchange.class.getName(), exchange)
				.build()))
			.filter(this::current)
			.hasElement()
			.onErrorResume(OAuth2AuthorizationException.class, ex -> {
				log.info("A login's access token could not be renewed ({}); logging in again",
						ex.getError().getErrorCode());
				return Mono.just(false);
			});
	}

	private boolean current(OAuth2AuthorizedClient client) {
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		return expiresAt == null || expiresAt.isAfter(this.clock.instant());
	}

	private Mono<Void> logInAgain(ServerWebExchange exchange) {
		return this.securityContexts.save(exchange, null)
			.then(this.entryPoint.commence(exchange,
					new InsufficientAuthenticationException("The login's tokens can no longer be renewed")));
	}

}
