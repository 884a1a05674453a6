package se.goteborg.vaksam.premises.page;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.premises.register.LettingsRegisterRepository.ImportResult;
import se.goteborg.vaksam.premises.register.RegisterImports;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The register import page: the same import as the API, from a file chosen in the browser. A refused file is listed
 * problem by problem with its line numbers (line 1 is the header), and nothing of it is stored.
 */
@Component
class RegisterPageHandler {

    private static final String PATH = Pages.PATH + "/register";
    private static final Pattern LINE = Pattern.compile("line\\[(\\d+)](?:\\.(.+))?");

    private final RegisterImports imports;

    RegisterPageHandler(RegisterImports imports) {
        this.imports = imports;
    }

    /**
     * One problem of a refused file.
     *
     * @param line   the line number, or null for the file as a whole
     * @param column the column at fault, or the part of the file ({@code header}, {@code encoding}, {@code file})
     */
    record RowError(String line, String column, String message) {
    }

    Mono<ServerResponse> form(ServerRequest request) {
        return page(request, HttpStatus.OK, null, List.of());
    }

    Mono<ServerResponse> importFile(ServerRequest request) {
        return request.multipartData().flatMap(parts -> {
            Part part = parts.getFirst("file");
            if (!(part instanceof FilePart file) || file.filename().isBlank()) {
                return page(request, HttpStatus.BAD_REQUEST, null, List.of(new RowError(null, "file", null)));
            }
            MediaType type = file.headers().getContentType();
            Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
            return imports.importUpload(file.content(), charset)
                    .flatMap(result -> page(request, HttpStatus.OK, result, List.of()))
                    .onErrorResume(InvalidFieldsException.class, e -> page(request, HttpStatus.BAD_REQUEST, null,
                            e.problems().stream().map(RegisterPageHandler::rowError).toList()));
        });
    }

    private static RowError rowError(FieldProblem problem) {
        Matcher line = LINE.matcher(problem.field());
        if (line.matches()) {
            return new RowError(line.group(1), line.group(2), problem.message());
        }
        return new RowError(null, problem.field(), problem.message());
    }

    private Mono<ServerResponse> page(ServerRequest request, HttpStatus status, ImportResult result,
                                      List<RowError> errors) {
        return Pages.model(request, PATH).flatMap(model -> {
            model.put("result", result);
            model.put("errors", errors);
            return PageResponses.render(status, "lettings/register", model);
        });
    }
}
