package se.goteborg.vaksam.intake.receipt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.events.followup.Direction;
import se.goteborg.vaksam.events.followup.FollowUpMessage;
import se.goteborg.vaksam.intake.intake.TipCollection;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.platform.sealing.Sealer;
import se.goteborg.vaksam.platform.sealing.SealingException;
import se.goteborg.vaksam.platform.sealing.TipsterOpener;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The receipt, for whoever holds its code (the API and the receipt pages): the tip's status, its outcome codes once
 * closed, the recipients' questions and the tipster's answers. Questions are opened only here, when the receipt is
 * read; answers are sealed to alert-inbox for the recipient and, for the receipt, to the tipster key.
 */
@Service
public class Receipts {

    static final int MAX_ANSWER_LENGTH = 2000;

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private final ReceiptRepository receipts;
    private final Sealer inbox;
    private final TipsterOpener tipster;
    private final OutboxRelay relay;
    private final Clock clock;

    Receipts(ReceiptRepository receipts, Sealer inbox, TipsterOpener tipster, OutboxRelay relay, Clock clock) {
        this.receipts = receipts;
        this.inbox = inbox;
        this.tipster = tipster;
        this.relay = relay;
        this.clock = clock;
    }

    /** The receipt of this code as someone typed it; empty when the code is malformed or unknown. */
    public Mono<ReceiptView> find(String rawCode) {
        return tip(rawCode).map(this::view);
    }

    /**
     * Sends the tipster's answer to a question on their receipt and returns the receipt with it.
     *
     * @return empty when the code is malformed or unknown; an {@link InvalidFieldsException} error naming
     *         {@code questionId} or {@code text} when the question is not one of this tip's or the text is not
     *         1–{@value #MAX_ANSWER_LENGTH} characters without control characters (line breaks and tabs allowed)
     */
    public Mono<ReceiptView> answer(String rawCode, String questionId, String text) {
        return submitAnswer(rawCode, questionId, text).map(Answered::receipt);
    }

    /** An answer that was sent, and the receipt with it. */
    record Answered(String messageId, ReceiptView receipt) {
    }

    Mono<Answered> submitAnswer(String rawCode, String questionId, String text) {
        return tip(rawCode).flatMap(tip -> {
            FieldProblems problems = new FieldProblems();
            Optional<ReceiptMessages.Stored> question = Optional.ofNullable(questionId)
                    .flatMap(id -> ReceiptMessages.question(tip, id));
            problems.check(question.isPresent(), "questionId", "must be a question on this receipt");
            String answer = FollowUpText.check(problems, "text", text, MAX_ANSWER_LENGTH);
            if (!problems.isEmpty()) {
                return Mono.error(new InvalidFieldsException(problems.asList()));
            }
            return send(tip, question.orElseThrow(), answer);
        });
    }

    private Mono<Answered> send(Document tip, ReceiptMessages.Stored question, String text) {
        String tipId = tip.getString("_id");
        return Mono.defer(() -> {
            String answerId = UUID.randomUUID().toString();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            byte[] plaintext = text.getBytes(StandardCharsets.UTF_8);
            FollowUpMessage event = FollowUpMessage.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setMessageId(answerId)
                    .setTipId(tipId)
                    .setAlertId(question.document().getString(ReceiptMessages.ALERT_ID))
                    .setRecipient(Recipient.valueOf(question.document().getString(ReceiptMessages.RECIPIENT)))
                    .setDirection(Direction.ANSWER)
                    .setSealedText(ByteBuffer.wrap(inbox.seal(plaintext, tipId)))
                    .setSentAt(now)
                    .build();
            Document answer = ReceiptMessages.answer(question, tipster.sealer().seal(plaintext, tipId, answerId), now);
            return receipts.recordAnswer(tipId, question.messageId(), answerId, answer,
                            Outbox.entry(Topics.FOLLOW_UP_MESSAGE, tipId, event))
                    .flatMap(stored -> {
                        if (!stored) {
                            return Mono.error(new IllegalStateException("The question left the tip"));
                        }
                        relay.nudge(tipId);
                        log.info("Answer {} to question {} sent", answerId, question.messageId());
                        return receipts.findByCode(tip.getString(
                                TipCollection.RECEIPT_CODE));
                    })
                    .map(updated -> new Answered(answerId, view(updated)));
        });
    }

    private Mono<Document> tip(String rawCode) {
        return Mono.justOrEmpty(ReceiptCodes.normalize(rawCode)).flatMap(receipts::findByCode);
    }

    private ReceiptView view(Document tip) {
        TipProgress progress = TipProgress.of(tip.get(TipProgress.ALERTS, Document.class));
        String tipId = tip.getString("_id");
        return new ReceiptView(tip.getString(TipCollection.RECEIPT_CODE),
                progress.status(), progress.outcomes(),
                ReceiptMessages.of(tip).stream().map(message -> message(tipId, message)).toList());
    }

    private ReceiptMessage message(String tipId, ReceiptMessages.Stored message) {
        return new ReceiptMessage(message.messageId(), message.direction(),
                message.document().getString(ReceiptMessages.QUESTION_ID), open(tipId, message), message.sentAt());
    }

    private String open(String tipId, ReceiptMessages.Stored message) {
        byte[] sealed = message.sealedText();
        if (sealed == null) {
            return null;
        }
        try {
            return new String(tipster.open(sealed, tipId, message.messageId()), StandardCharsets.UTF_8);
        } catch (SealingException e) {
            log.warn("Follow-up message {} cannot be opened: wrong key, wrong tip or altered", message.messageId());
            return null;
        }
    }
}
