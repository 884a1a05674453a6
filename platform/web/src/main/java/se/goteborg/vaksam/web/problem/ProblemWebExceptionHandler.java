package se.goteborg.vaksam.web.problem;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Answers every failed exchange with {@code application/problem+json}, for annotated controllers and
 * router functions alike. It runs before Boot's error handler, so no error ever falls back to
 * Boot's default error body, which can carry exception messages.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

	/** Before Boot's {@code ErrorWebExceptionHandler} (-1). */
	public static final int ORDER = -2;

	private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

	private final ServerResponse.Context context;

	public ProblemWebExceptionHandler(ServerCodecConfigurer codecs) {
		this.context = new WriterContext(codecs.getWriters());
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		Problem problem = ProblemMapper.map(ex).at(exchange.getRequest().getPath().value());
		if (problem.status().is5xxServerError()) {
			// The message may quote request content and the path may hold a receipt code, so only the
			// route pattern and the exception type are logged at error level.
			log.error("{} {} failed with {}", exchange.getRequest().getMethod(),
					exchange.getAttributeOrDefault(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "(no route)"),
					ex.getClass().getName());
			log.debug("Failure detail", ex);
		}
		exchange.getResponse().getHeaders().remove("Content-Type");
		return ServerResponse.status(problem.status())
			.headers(headers -> headers.addAll(problem.headers()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem.body())
			.flatMap(response -> response.writeTo(exchange, this.context));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private record WriterContext(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

		@Override
		public List<ViewResolver> viewResolvers() {
			return List.of();
		}

	}

}
