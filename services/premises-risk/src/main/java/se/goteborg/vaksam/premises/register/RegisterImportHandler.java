package se.goteborg.vaksam.premises.register;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * Imports the lettings group's register file: every row is checked first, and only a file without problems is
 * written, so the register never holds half an import.
 */
@Component
class RegisterImportHandler {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final LettingsRegisterRepository register;

    RegisterImportHandler(LettingsRegisterRepository register) {
        this.register = register;
    }

    Mono<ServerResponse> importRegister(ServerRequest request) {
        MediaType contentType = request.headers().contentType().orElse(null);
        if (contentType == null || !TEXT_CSV.equalsTypeAndSubtype(contentType)) {
            return Mono.error(new UnsupportedMediaTypeStatusException(contentType, List.of(TEXT_CSV)));
        }
        Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()))
                .map(buffer -> {
                    try {
                        return buffer.toString(charset);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                // A register of a hundred thousand rows takes a while to check; keep that off the event loop.
                .publishOn(Schedulers.boundedElastic())
                .map(text -> RegisterCsvParser.parse(new StringReader(withoutByteOrderMark(text))))
                .flatMap(parsed -> {
                    if (!parsed.problems().isEmpty()) {
                        return Mono.error(new InvalidFieldsException(parsed.problems()));
                    }
                    if (parsed.entries().isEmpty()) {
                        return Mono.error(InvalidFieldsException.of("file", "must contain at least one premises row"));
                    }
                    return register.upsertAll(parsed.entries());
                })
                .flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(result));
    }

    private static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
