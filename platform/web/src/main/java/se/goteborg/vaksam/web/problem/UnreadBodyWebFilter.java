package se.goteborg.vaksam.web.problem;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An answer sent before the request's body was read to its end ends the connection, and says so
 * ({@code Connection: close}). A server that has not read the whole body must close the connection after its
 * response (RFC 9112, 9.6); Reactor Netty does, but without saying so, and a client that meanwhile sent its next
 * request on the kept-alive connection (the gateway's pooled connections do, a refused POST is answered at once) can
 * find that request stalled until its time-out. Told, no client reuses the connection. Only small bodies of a declared
 * length are treated so, the kind that arrives whole with its headers (a refused JSON body): a large or streamed one
 * refused early (413) is still being sent, and closing on a client still sending would cost it the answer, so those
 * keep Reactor Netty's own handling. Requests whose body was read, and requests without one, keep their connection.
 */
public class UnreadBodyWebFilter implements WebFilter, Ordered {

	/** First of all, so that every later filter and the handler read the body through it. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	/** Bodies up to this many bytes are sent in one go with their headers. */
	static final long SMALL_BODY_BYTES = 8 * 1024;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length <= 0 || length > SMALL_BODY_BYTES) {
			return chain.filter(exchange);
		}
		AtomicBoolean read = new AtomicBoolean();
		ServerHttpRequest tracked = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().doOnComplete(() -> read.set(true));
			}
		};
		exchange.getResponse().beforeCommit(() -> {
			if (!read.get()) {
				exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return Mono.empty();
		});
		return chain.filter(exchange.mutate().request(tracked).build());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
