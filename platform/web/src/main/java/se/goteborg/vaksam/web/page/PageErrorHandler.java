package se.goteborg.vaksam.web.page;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.ProblemWebExceptionHandler;

/**
 * Errors on a service's pages answered with a page in the visitor's language that says what to do, not a JSON
 * document. Errors raised before any page handler runs (rate limits, body limits, security refusals) arrive here too.
 * Only 4xx errors under the pages' path (but not under its {@code /assets/}) are answered; 5xx errors and everything
 * outside the pages go on to {@link ProblemWebExceptionHandler}, which runs right after this handler. A
 * {@code Retry-After} of the error is kept.
 * <p>
 * The service decides what the page says with the {@link ErrorPage} of its {@link PageSite}; {@link PageConfiguration}
 * registers the handler.
 */
public class PageErrorHandler implements WebExceptionHandler, Ordered {

	/** The page that answers an error. */
	@FunctionalInterface
	public interface ErrorPage {

		/**
		 * The page for {@code error}, a 4xx error with {@code status}, raised for {@code request}.
		 */
		Mono<ServerResponse> render(ServerRequest request, HttpStatus status, Throwable error);

	}

	private final String path;

	private final ServerCodecConfigurer codecs;

	private final ServerResponse.Context context;

	private final ErrorPage page;

	public PageErrorHandler(String path, ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> viewResolvers,
			ErrorPage page) {
		this.path = path;
		this.codecs = codecs;
		this.context = new Context(codecs.getWriters(), viewResolvers.orderedStream().toList());
		this.page = page;
	}

	@Override
	public int getOrder() {
		return ProblemWebExceptionHandler.ORDER - 1;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		String requested = exchange.getRequest().getPath().pathWithinApplication().value();
		if (exchange.getResponse().isCommitted() || !isPage(requested)) {
			return Mono.error(ex);
		}
		HttpStatusCode status = (ex instanceof ErrorResponse error) ? error.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			// The problem handler logs it (without path or content) and answers; a page adds nothing for a failure.
			return Mono.error(ex);
		}
		String retryAfter = (ex instanceof ErrorResponse error) ? error.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)
				: null;
		ServerRequest request = ServerRequest.create(exchange, this.codecs.getReaders());
		return this.page.render(request, HttpStatus.valueOf(status.value()), ex).flatMap(response -> {
			exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_TYPE);
			if (retryAfter != null) {
				exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
			}
			return response.writeTo(exchange, this.context);
		});
	}

	private boolean isPage(String requested) {
		return (requested.equals(this.path) || requested.startsWith(this.path + "/"))
				&& !requested.startsWith(this.path + "/assets/");
	}

	private record Context(List<HttpMessageWriter<?>> messageWriters,
			List<ViewResolver> viewResolvers) implements ServerResponse.Context {
	}

}
