package se.goteborg.vaksam.gateway.login;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

import reactor.core.publisher.Mono;

/**
 * A login that comes back from identity and cannot be completed (a stale or replayed callback, a session that
 * expired meanwhile, a token identity would not give): 401 instead of Spring's default redirect to
 * {@code /login?error}, which at this gateway is identity's form and would say nothing useful.
 */
final class LoginFailureHandler implements ServerAuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
		String reason = exception instanceof OAuth2AuthenticationException oauth2
				? oauth2.getError().getErrorCode() : exception.getClass().getSimpleName();
		log.info("A login could not be completed ({})", reason);
		return LoginProblems.write(exchange.getExchange(), HttpStatus.UNAUTHORIZED,
				"The login could not be completed. Open the page again to log in.");
	}

}
