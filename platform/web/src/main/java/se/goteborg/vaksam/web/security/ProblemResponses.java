package se.goteborg.vaksam.web.security;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * 401 and 403 as {@code application/problem+json} with fixed texts: why a token was refused (expired,
 * wrong issuer, bad signature) is never told to the caller, in the body or in
 * {@code WWW-Authenticate}.
 */
final class ProblemResponses
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerExchangeRejectedHandler {

	private static final byte[] UNAUTHORIZED = body(HttpStatus.UNAUTHORIZED, "Authentication is required.");

	private static final byte[] FORBIDDEN = body(HttpStatus.FORBIDDEN, "You may not do this.");

	private static final byte[] REJECTED = body(HttpStatus.BAD_REQUEST,
			"The request's path or headers hold characters that are not allowed.");

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean tokenPresented = ex instanceof OAuth2AuthenticationException;
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
		return write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, UNAUTHORIZED);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		return write(exchange.getResponse(), HttpStatus.FORBIDDEN, FORBIDDEN);
	}

	/** What the firewall refuses (encoded slashes or NULs in the path, control characters in headers). */
	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		return write(exchange.getResponse(), HttpStatus.BAD_REQUEST, REJECTED);
	}

	private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, byte[] body) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	private static byte[] body(HttpStatus status, String detail) {
		return ("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
				+ ",\"detail\":\"" + detail + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
