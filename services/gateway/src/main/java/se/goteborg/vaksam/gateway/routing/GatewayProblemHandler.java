package se.goteborg.vaksam.gateway.routing;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Errors raised by the gateway itself (no route, service down, service too slow) as
 * {@code application/problem+json}, like every service's own errors. A service that is not running
 * is a 503, not a 500. Paths are not logged: they can hold receipt codes.
 */
@Component
@Order(-2)
class GatewayProblemHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode status = statusOf(ex);
		String detail = null;
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			detail = "The service for this path is not reachable.";
		}
		if (status.is5xxServerError()) {
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			log.warn("{} to {} failed with {}", exchange.getRequest().getMethod(),
					route != null ? route.getId() : "(no route)", ex.getClass().getName());
		}
		response.getHeaders().clear();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = body(status, detail);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private static HttpStatusCode statusOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return HttpStatus.SERVICE_UNAVAILABLE;
			}
		}
		if (ex instanceof ErrorResponse response) {
			return response.getStatusCode();
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static byte[] body(HttpStatusCode status, String detail) {
		HttpStatus known = HttpStatus.resolve(status.value());
		StringBuilder json = new StringBuilder("{\"type\":\"about:blank\"");
		if (known != null) {
			json.append(",\"title\":\"").append(known.getReasonPhrase()).append('"');
		}
		json.append(",\"status\":").append(status.value());
		if (detail != null) {
			json.append(",\"detail\":\"").append(detail).append('"');
		}
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

}
