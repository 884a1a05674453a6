package se.goteborg.vaksam.intake.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.intake.TipRequests.HotelTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TaxiTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TipRequest;
import se.goteborg.vaksam.intake.member.MemberKeyFilter;
import se.goteborg.vaksam.web.problem.IdempotencyKeys;
import se.goteborg.vaksam.web.problem.RequestBodies;

/**
 * {@code POST /api/v1/tips/hotel} and {@code /taxi}. Every check happens before anything is stored, so a rejected
 * request leaves no trace. Nothing about the sender (address, user agent, headers) is read beyond the member key and
 * the Idempotency-Key.
 */
@Component
class TipHandler {

    static final String REPLAYED = "Idempotent-Replayed";

    private final TipValidator validator;
    private final TipService service;

    TipHandler(TipValidator validator, TipService service) {
        this.validator = validator;
        this.service = service;
    }

    Mono<ServerResponse> hotel(ServerRequest request) {
        return submit(request, HotelTipRequest.class, validator::validate);
    }

    Mono<ServerResponse> taxi(ServerRequest request) {
        return submit(request, TaxiTipRequest.class, validator::validate);
    }

    private <R extends TipRequest> Mono<ServerResponse> submit(ServerRequest request, Class<R> type,
                                                                Function<R, Tip> validate) {
        String memberId = MemberKeyFilter.memberId(request);
        String idempotencyKey = request.headers().firstHeader(IdempotencyKeys.HEADER);
        if (idempotencyKey != null && !IdempotencyKeys.isValid(idempotencyKey)) {
            return Mono.error(IdempotencyKeys.invalid());
        }
        if (!isJson(request)) {
            return Mono.error(unsupportedMediaType());
        }
        return RequestBodies.required(request, type)
                .flatMap(body -> service.submit(memberId, body, validate.apply(body), idempotencyKey))
                .flatMap(submitted -> {
                    TipReceipt receipt = submitted.receipt();
                    return ServerResponse.created(URI.create("/api/v1/receipts/" + receipt.receiptCode()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .headers(headers -> {
                                if (submitted.replayed()) {
                                    headers.set(REPLAYED, "true");
                                }
                            })
                            .bodyValue(receipt);
                });
    }

    /**
     * JSON in UTF-8, the only encoding RFC 8259 allows between systems: a declared charset other than UTF-8 would
     * otherwise have the body transcoded, and a header that is no media type at all would fail later as a 500.
     */
    private static boolean isJson(ServerRequest request) {
        String header = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                && (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
    }

    private static ErrorResponseException unsupportedMediaType() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "The request body must be JSON.");
        problem.setProperty("errors", List.of(Map.of("field", HttpHeaders.CONTENT_TYPE,
                "message", "must be application/json in UTF-8")));
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
        exception.getHeaders().set("Accept-Post", MediaType.APPLICATION_JSON_VALUE);
        return exception;
    }
}
