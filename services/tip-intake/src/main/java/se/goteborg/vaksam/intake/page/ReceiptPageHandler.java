package se.goteborg.vaksam.intake.page;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.receipt.ReceiptMessage;
import se.goteborg.vaksam.intake.receipt.ReceiptView;
import se.goteborg.vaksam.intake.receipt.Receipts;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The receipt pages: look a tip up by its code, see its status and the recipients' questions, answer them. The code
 * travels only in form bodies, never in a URL, so it stays out of histories, logs and referrers.
 */
@Component
class ReceiptPageHandler {

    private static final String LOOKUP = "/intake/receipt";
    private static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Receipts receipts;

    ReceiptPageHandler(Receipts receipts) {
        this.receipts = receipts;
    }

    /** A question on the receipt, when it was sent (Swedish time) and the tipster's answers to it. */
    record Question(ReceiptMessage question, String sentAt, List<ReceiptMessage> answers) {
    }

    Mono<ServerResponse> lookup(ServerRequest request) {
        return lookupPage(request, "", false);
    }

    Mono<ServerResponse> status(ServerRequest request) {
        return request.formData().flatMap(form -> {
            String code = form.getFirst("code");
            return receipts.find(code)
                    .flatMap(receipt -> statusPage(request, receipt, HttpStatus.OK, null, Set.of(), "", false))
                    .switchIfEmpty(Mono.defer(() -> lookupPage(request, code == null ? "" : code, true)));
        });
    }

    Mono<ServerResponse> answer(ServerRequest request) {
        return request.formData().flatMap(form -> {
            String code = form.getFirst("code");
            String questionId = form.getFirst("questionId");
            String text = form.getFirst("text");
            return receipts.answer(code, questionId, text)
                    .flatMap(receipt -> statusPage(request, receipt, HttpStatus.OK, questionId, Set.of(), "",
                            true))
                    .onErrorResume(InvalidFieldsException.class, e -> receipts.find(code)
                            .flatMap(receipt -> statusPage(request, receipt, HttpStatus.BAD_REQUEST, questionId,
                                    fields(e.problems()), text == null ? "" : text, false)))
                    .switchIfEmpty(Mono.defer(() -> lookupPage(request, code == null ? "" : code, true)));
        });
    }

    private Mono<ServerResponse> lookupPage(ServerRequest request, String code, boolean notFound) {
        return Pages.model(request, LOOKUP).flatMap(model -> {
            model.put("code", code);
            model.put("notFound", notFound);
            return PageResponses.render(notFound ? HttpStatus.NOT_FOUND : HttpStatus.OK, "intake/receipt-lookup", model);
        });
    }

    /**
     * @param answeredQuestion the question just answered or whose answer was refused, or null
     * @param invalid          the answer form's fields that need correcting ({@code text}, {@code questionId})
     */
    private Mono<ServerResponse> statusPage(ServerRequest request, ReceiptView receipt, HttpStatus status,
                                            String answeredQuestion, Set<String> invalid, String typed,
                                            boolean answered) {
        return Pages.model(request, LOOKUP).flatMap(model -> {
            model.put("receipt", receipt);
            model.put("questions", questions(receipt));
            model.put("answeredQuestion", answeredQuestion);
            model.put("answerErrors", invalid);
            model.put("typed", typed);
            model.put("answered", answered);
            return PageResponses.render(status, "intake/receipt-status", model);
        });
    }

    private static List<Question> questions(ReceiptView receipt) {
        return receipt.messages().stream()
                .filter(message -> "QUESTION".equals(message.direction()))
                .map(question -> new Question(question, sentAt(question), receipt.messages().stream()
                        .filter(message -> "ANSWER".equals(message.direction())
                                && question.messageId().equals(message.questionId()))
                        .toList()))
                .toList();
    }

    private static String sentAt(ReceiptMessage message) {
        return message.sentAt() == null ? "" : SENT_AT.format(message.sentAt().atZone(LOCAL_TIME));
    }

    private static Set<String> fields(List<FieldProblem> problems) {
        Set<String> fields = new LinkedHashSet<>();
        problems.forEach(problem -> fields.add("questionId".equals(problem.field()) ? "questionId" : "text"));
        return fields;
    }
}
