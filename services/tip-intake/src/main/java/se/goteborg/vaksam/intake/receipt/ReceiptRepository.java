package se.goteborg.vaksam.intake.receipt;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.intake.TipCollection;
import se.goteborg.vaksam.platform.events.Outbox;

/**
 * The receipt's part of the tip documents: the alerts' progress ({@value TipProgress#ALERTS}) and the follow-up
 * messages ({@value #MESSAGES}), both keyed by id so that recording one again changes nothing. Never reads the tip's
 * routing facts or sealed details.
 */
@Component
class ReceiptRepository {

    /** The field of the tip document holding one sub-document per follow-up message id. */
    static final String MESSAGES = "messages";

    private final MongoCollection<Document> tips;

    ReceiptRepository(MongoDatabase database) {
        // An answer is confirmed to the tipster only once a majority of the replica set has it.
        this.tips = database.getCollection(TipCollection.NAME).withWriteConcern(WriteConcern.MAJORITY);
    }

    Mono<Document> findByCode(String receiptCode) {
        return Mono.from(tips.find(Filters.eq(TipCollection.RECEIPT_CODE, receiptCode))
                .projection(Projections.include(TipCollection.RECEIPT_CODE, TipProgress.ALERTS, MESSAGES))
                .first());
    }

    /**
     * Adds facts about one alert of the tip. The status is not stored: it is derived from these facts whenever the
     * receipt is read, so facts arriving in any order or twice can never leave a stale status behind. A tip this
     * service does not hold is ignored: alerts of it cannot be shown on any receipt.
     */
    Mono<Void> recordAlert(String tipId, String alertId, Document facts) {
        Document set = new Document();
        facts.forEach((name, value) -> set.append(TipProgress.ALERTS + "." + alertId + "." + name, value));
        return Mono.from(tips.updateOne(Filters.eq("_id", tipId), new Document("$set", set))).then();
    }

    /** Stores a message on the tip; emits whether the tip is held here. */
    Mono<Boolean> recordMessage(String tipId, String messageId, Document message) {
        return Mono.from(tips.updateOne(Filters.eq("_id", tipId),
                        new Document("$set", new Document(MESSAGES + "." + messageId, message))))
                .map(result -> result.getMatchedCount() == 1);
    }

    /**
     * Stores the tipster's answer with its FollowUpMessage in the tip's outbox, one atomic single-document write, and
     * only while the question it answers is on the tip; emits whether it was stored.
     */
    Mono<Boolean> recordAnswer(String tipId, String questionId, String answerId, Document answer, Document event) {
        return Mono.from(tips.updateOne(
                        Filters.and(Filters.eq("_id", tipId),
                                Filters.eq(MESSAGES + "." + questionId + "." + ReceiptMessages.DIRECTION,
                                        ReceiptMessages.QUESTION)),
                        new Document("$set", new Document(MESSAGES + "." + answerId, answer))
                                .append("$push", new Document(Outbox.FIELD, event))))
                .map(result -> result.getMatchedCount() == 1);
    }
}
