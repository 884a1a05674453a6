package se.goteborg.vaksam.premises.assessment;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * One assessment per tip, keyed by tip id, holding its PremisesAssessed event in the outbox until the relay has
 * published it. The key makes assessing idempotent: a second assessment of the same tip is never stored or sent.
 */
@Repository
class AssessmentRepository {

    /** Also the collection the assessment outbox relay reads. */
    static final String COLLECTION = "assessments";

    private final MongoCollection<Document> collection;

    AssessmentRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    Mono<Boolean> exists(String tipId) {
        return Mono.from(collection.find(Filters.eq("_id", tipId)).projection(new Document("_id", 1)).first())
                .hasElement();
    }

    /** Stores the assessment with its event; false when the tip had been assessed already. */
    Mono<Boolean> insert(PremisesAssessed assessed) {
        Document document = new Document("_id", assessed.getTipId())
                .append("assessedAt", Date.from(assessed.getAssessedAt()))
                .append("addressKey", assessed.getAddressKey())
                .append("match", assessed.getMatch().name())
                .append("premisesId", assessed.getPremisesId())
                .append("riskIndustry", assessed.getRiskIndustry())
                .append("tipsLast30Days", assessed.getTipsLast30Days())
                .append(Outbox.FIELD, List.of(Outbox.entry(Topics.PREMISES_ASSESSED, assessed.getTipId(), assessed)));
        return Mono.from(collection.insertOne(document))
                .thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }
}
