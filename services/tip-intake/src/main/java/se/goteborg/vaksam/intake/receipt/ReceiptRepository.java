package se.goteborg.vaksam.intake.receipt;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.intake.TipCollection;
import se.goteborg.vaksam.intake.intake.TipStatus;

/** Reads a tip's status by its receipt code, and nothing else of the tip. */
@Component
class ReceiptRepository {

    private final MongoCollection<Document> tips;

    ReceiptRepository(MongoDatabase database) {
        this.tips = database.getCollection(TipCollection.NAME);
    }

    Mono<TipStatus> status(String receiptCode) {
        return Mono.from(tips.find(Filters.eq(TipCollection.RECEIPT_CODE, receiptCode))
                        .projection(Projections.fields(Projections.include(TipCollection.STATUS),
                                Projections.excludeId()))
                        .first())
                .map(tip -> TipStatus.valueOf(tip.getString(TipCollection.STATUS)));
    }
}
