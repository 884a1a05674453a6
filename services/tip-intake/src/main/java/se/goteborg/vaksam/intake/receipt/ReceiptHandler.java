package se.goteborg.vaksam.intake.receipt;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.intake.TipStatus;

/**
 * {@code GET /api/v1/receipts/{receiptCode}}: what the tipster may know about their tip, which is its status only,
 * never who received it. A code that is malformed or unknown is the same 404.
 */
@Component
class ReceiptHandler {

    private final ReceiptRepository receipts;

    ReceiptHandler(ReceiptRepository receipts) {
        this.receipts = receipts;
    }

    record ReceiptView(String receiptCode, TipStatus status) {
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return Mono.justOrEmpty(ReceiptCodes.normalize(request.pathVariable("receiptCode")))
                .flatMap(code -> receipts.status(code).map(status -> new ReceiptView(code, status)))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No tip has this receipt code.")))
                .flatMap(view -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(view));
    }
}
