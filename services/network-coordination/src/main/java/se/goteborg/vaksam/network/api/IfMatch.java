package se.goteborg.vaksam.network.api;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;

import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The version a change was made on, as the API's clients send it back in {@code If-Match}: the document's
 * {@code version}, which its {@code ETag} gives. Members and meetings are changed only if still at that version.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version in {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}); null when absent. */
    public static Long version(ServerRequest request) {
        String ifMatch = request.headers().firstHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String version = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        if (!version.matches("\\d{1,18}")) {
            throw new InvalidFieldsException(List.of(new FieldProblem(HttpHeaders.IF_MATCH,
                    "must be the version as the ETag gives it")));
        }
        return Long.parseLong(version);
    }
}
