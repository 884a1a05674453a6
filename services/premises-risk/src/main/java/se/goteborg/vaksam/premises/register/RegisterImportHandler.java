package se.goteborg.vaksam.premises.register;

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

/** {@code POST /api/v1/lettings/register}: the register file as {@code text/csv}. */
@Component
class RegisterImportHandler {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    private final RegisterImports imports;

    RegisterImportHandler(RegisterImports imports) {
        this.imports = imports;
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
                        byte[] content = new byte[buffer.readableByteCount()];
                        buffer.read(content);
                        return content;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(content -> imports.importCsv(content, charset))
                .flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(result));
    }
}
