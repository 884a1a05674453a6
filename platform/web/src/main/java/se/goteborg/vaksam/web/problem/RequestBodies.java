package se.goteborg.vaksam.web.problem;

import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/** Body reading for router functions, where an empty body otherwise passes silently as an empty Mono. */
public final class RequestBodies {

	private RequestBodies() {
	}

	/** The decoded body, or a 400 problem when there is none. */
	public static <T> Mono<T> required(ServerRequest request, Class<T> type) {
		return request.bodyToMono(type)
			.switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")));
	}

}
