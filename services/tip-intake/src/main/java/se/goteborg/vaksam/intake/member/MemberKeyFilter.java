package se.goteborg.vaksam.intake.member;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Lets a request through only with {@code Authorization: Bearer <member key>} of an active member, before its body
 * is read. A missing, unknown, suspended or revoked key gets the same 401, so a caller learns nothing about which
 * keys exist. The key itself is hashed at once and never kept or logged.
 */
@Component
public class MemberKeyFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String MEMBER_ID = MemberKeyFilter.class.getName() + ".memberId";
    private static final Pattern BEARER = Pattern.compile("(?i)bearer +(\\S{1,256})");

    private final MemberRepository members;

    MemberKeyFilter(MemberRepository members) {
        this.members = members;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        Matcher matcher = authorization == null ? null : BEARER.matcher(authorization.strip());
        if (matcher == null || !matcher.matches()) {
            return Mono.error(unauthorized());
        }
        return members.activeMemberId(MemberKeys.hash(matcher.group(1)))
                .switchIfEmpty(Mono.error(MemberKeyFilter::unauthorized))
                .flatMap(memberId -> {
                    request.attributes().put(MEMBER_ID, memberId);
                    return next.handle(request);
                });
    }

    /** The member whose key this request was let through with. */
    public static String memberId(ServerRequest request) {
        return request.attribute(MEMBER_ID).map(String.class::cast)
                .orElseThrow(() -> new IllegalStateException("Route is not behind MemberKeyFilter"));
    }

    private static ErrorResponseException unauthorized() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "A valid member key is required.");
        problem.setProperty("errors", List.of(Map.of("field", HttpHeaders.AUTHORIZATION,
                "message", "must be Bearer followed by an active member key")));
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        exception.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return exception;
    }
}
