package se.goteborg.vaksam.premises.register;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * {@code POST /api/v1/lettings/register}: the register file as {@code text/csv}, in the charset its Content-Type
 * names (UTF-8 when it names none). Answers {@code {"rows","added","updated"}} or a problem naming every line at
 * fault, and stores nothing then.
 */
@Component
class RegisterImportHandler {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    private final RegisterImports imports;

    RegisterImportHandler(RegisterImports imports) {
        this.imports = imports;
    }

    Mono<ServerResponse> importRegister(ServerRequest request) {
        MediaType contentType;
        try {
            contentType = request.headers().contentType().orElse(null);
        } catch (InvalidMediaTypeException e) {
            // Spring refuses a charset name it does not know while parsing the header.
            String raw = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
            return raw != null && raw.strip().toLowerCase(Locale.ROOT).startsWith(TEXT_CSV.toString())
                    ? Mono.error(unknownCharset())
                    : Mono.error(new UnsupportedMediaTypeStatusException((MediaType) null, List.of(TEXT_CSV)));
        }
        if (contentType == null || !TEXT_CSV.equalsTypeAndSubtype(contentType)) {
            return Mono.error(new UnsupportedMediaTypeStatusException(contentType, List.of(TEXT_CSV)));
        }
        Charset charset;
        try {
            charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        } catch (IllegalArgumentException e) {
            return Mono.error(unknownCharset());
        }
        return imports.importUpload(request.body(BodyExtractors.toDataBuffers()), charset)
                .flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(result));
    }

    private static InvalidFieldsException unknownCharset() {
        return InvalidFieldsException.of("encoding",
                "names a charset this service does not know; send the file as UTF-8 (charset=utf-8)");
    }
}
