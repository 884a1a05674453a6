package se.goteborg.vaksam.intake.receipt;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.RequestBodies;

/**
 * {@code GET /api/v1/receipts/{receiptCode}} and {@code POST /api/v1/receipts/{receiptCode}/answers}: the receipt
 * for its holder. A code that is malformed or unknown is the same 404; nothing of a receipt is ever cached.
 */
@Component
class ReceiptHandler {

    private final Receipts receipts;

    ReceiptHandler(Receipts receipts) {
        this.receipts = receipts;
    }

    record AnswerRequest(String questionId, String text) {

        @Override
        public String toString() {
            return "AnswerRequest[questionId=" + questionId + ", text=(free text)]";
        }
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return receipts.find(request.pathVariable("receiptCode"))
                .switchIfEmpty(Mono.error(ReceiptHandler::notFound))
                .flatMap(view -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(view));
    }

    Mono<ServerResponse> answer(ServerRequest request) {
        return RequestBodies.required(request, AnswerRequest.class)
                .flatMap(body -> receipts.submitAnswer(request.pathVariable("receiptCode"), body.questionId(),
                        body.text()))
                .switchIfEmpty(Mono.error(ReceiptHandler::notFound))
                .flatMap(answered -> ServerResponse.status(HttpStatus.CREATED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(Map.of("messageId", answered.messageId())));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No tip has this receipt code.");
    }
}
