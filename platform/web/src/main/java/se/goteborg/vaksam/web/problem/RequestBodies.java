package se.goteborg.vaksam.web.problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Body reading for router functions, where an empty body otherwise passes silently as an empty Mono. */
public final class RequestBodies {

	private RequestBodies() {
	}

	/**
	 * The decoded JSON body, or a 400 problem when there is none or it is not UTF-8. The JSON parser
	 * alone would guess UTF-16 or UTF-32 from the first bytes and decode overlong forms and
	 * encoded surrogates rather than refuse them, so the bytes are checked first; the body is
	 * already bounded by {@link MaxBodySizeWebFilter}, so holding it whole costs little.
	 */
	public static <T> Mono<T> required(ServerRequest request, Class<T> type) {
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()))
			.flatMap(body -> {
				if (!isUtf8Text(body)) {
					DataBufferUtils.release(body);
					return Mono.error(new ServerWebInputException("The request body is not UTF-8.", null,
							new DecodingException("The request body is not UTF-8.")));
				}
				return ServerRequest.from(request).body(Flux.just(body)).build().bodyToMono(type);
			})
			.switchIfEmpty(Mono.error(() -> new ServerWebInputException("The request body is missing.")));
	}

	/** Well-formed UTF-8 without NUL bytes, which JSON text never holds but UTF-16 and UTF-32 do. */
	static boolean isUtf8Text(DataBuffer body) {
		int length = body.readableByteCount();
		ByteBuffer bytes = ByteBuffer.allocate(length);
		body.toByteBuffer(body.readPosition(), bytes, 0, length);
		for (int i = 0; i < length; i++) {
			if (bytes.get(i) == 0) {
				return false;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
