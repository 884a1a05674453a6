package se.goteborg.vaksam.intake;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpMethod;

/**
 * One hostile request and what it must be answered with.
 *
 * @param authorization the {@code Authorization} header, {@code null} for none
 * @param contentType   the {@code Content-Type} header, {@code null} for none
 * @param idempotencyKey the {@code Idempotency-Key} header, {@code null} for none
 * @param body          the raw request bytes, {@code null} for none
 * @param chunked       sent without {@code Content-Length}, so only the streamed size can give it away
 * @param raw           sent over a plain socket, for header bytes an HTTP client refuses to send
 * @param status        the expected status, or 0 for "some 4xx"
 * @param field         a field the problem's {@code errors[].field} must name, or {@code null}
 * @param bare          refused by the HTTP server itself (Reactor Netty rejects control characters in header values)
 *                      before the application sees the request, so with no problem body
 */
record HostileCase(String name, HttpMethod method, String path, String authorization, String contentType,
                   String idempotencyKey, byte[] body, boolean chunked, boolean raw, int status, String field,
                   boolean bare) {

    static final String JSON = "application/json";

    static HostileCase post(String name, String path, String authorization, String body, int status, String field) {
        return new HostileCase(name, HttpMethod.POST, path, authorization, JSON, null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), false, false, status, field, false);
    }

    HostileCase withBody(byte[] bytes) {
        return new HostileCase(name, method, path, authorization, contentType, idempotencyKey, bytes, chunked, raw,
                status, field, bare);
    }

    HostileCase withContentType(String type) {
        return new HostileCase(name, method, path, authorization, type, idempotencyKey, body, chunked, raw, status,
                field, bare);
    }

    HostileCase withIdempotencyKey(String key) {
        return new HostileCase(name, method, path, authorization, contentType, key, body, chunked, raw, status, field,
                bare);
    }

    HostileCase withMethod(HttpMethod verb) {
        return new HostileCase(name, verb, path, authorization, contentType, idempotencyKey, body, chunked, raw,
                status, field, bare);
    }

    HostileCase chunkedBody() {
        return new HostileCase(name, method, path, authorization, contentType, idempotencyKey, body, true, raw, status,
                field, bare);
    }

    HostileCase overRawSocket() {
        return new HostileCase(name, method, path, authorization, contentType, idempotencyKey, body, chunked, true,
                status, field, bare);
    }

    HostileCase refusedByTheHttpServer() {
        return new HostileCase(name, method, path, authorization, contentType, idempotencyKey, body, chunked, raw,
                status, field, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
