package se.goteborg.vaksam.web.problem;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies above the configured size with 413 before anything reads them: at once
 * when {@code Content-Length} says so, otherwise as soon as a streamed body passes the limit.
 */
public class MaxBodySizeWebFilter implements WebFilter, Ordered {

	/** Early, before security and before any handler buffers the body. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final long defaultLimit;

	private final List<PathLimit> pathLimits;

	public MaxBodySizeWebFilter(VaksamWebProperties properties) {
		this.defaultLimit = properties.maxBodyBytes().toBytes();
		this.pathLimits = properties.bodyLimits()
			.stream()
			.map(limit -> new PathLimit(PathPatternParser.defaultInstance.parse(limit.path()),
					limit.maxBytes().toBytes()))
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limitFor(request.getPath().pathWithinApplication());
		long declared = request.getHeaders().getContentLength();
		if (declared > limit) {
			return Mono.error(new ContentTooLargeException(null));
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new LimitedRequest(request, limit)).build());
	}

	private long limitFor(PathContainer path) {
		for (PathLimit pathLimit : this.pathLimits) {
			if (pathLimit.pattern().matches(path)) {
				return pathLimit.maxBytes();
			}
		}
		return this.defaultLimit;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private record PathLimit(PathPattern pattern, long maxBytes) {
	}

	private static final class LimitedRequest extends ServerHttpRequestDecorator {

		private final long limit;

		LimitedRequest(ServerHttpRequest delegate, long limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				long[] seen = { 0 };
				return super.getBody().handle((buffer, sink) -> {
					seen[0] += buffer.readableByteCount();
					if (seen[0] > this.limit) {
						DataBufferUtils.release(buffer);
						sink.error(new ContentTooLargeException(null));
					}
					else {
						sink.next(buffer);
					}
				});
			});
		}

	}

}
