package se.goteborg.vaksam.premises.assessment;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.premises.RiskLevel;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.premises.notice.AssessedTip;
import se.goteborg.vaksam.premises.notice.NoticePremises;

/**
 * One assessment per tip, keyed by tip id, holding its PremisesAssessed event in the outbox until the relay has
 * published it. The key makes assessing idempotent: a second assessment of the same tip is never stored or sent.
 * For a tip about city-let premises it also keeps what the landlord's notice takes from it, so a notice lost to a
 * crash between the two writes is written when the tip is delivered again.
 */
@Repository
class AssessmentRepository {

    /** Also the collection the assessment outbox relay reads. */
    static final String COLLECTION = "assessments";

    private final MongoCollection<Document> collection;

    AssessmentRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** A stored assessment: empty when the tip has none yet; its notice part empty when nothing matched. */
    Mono<Optional<AssessedTip>> find(String tipId) {
        return Mono.from(collection.find(Filters.eq("_id", tipId)).projection(Projections.include("notice")).first())
                .map(stored -> Optional.ofNullable(stored.get("notice", Document.class))
                        .map(AssessmentRepository::assessedTip));
    }

    /** Stores the assessment with its event; false when the tip had been assessed already. */
    Mono<Boolean> insert(PremisesAssessed assessed, Optional<AssessedTip> notice) {
        Document document = new Document("_id", assessed.getTipId())
                .append("assessedAt", Date.from(assessed.getAssessedAt()))
                .append("addressKey", assessed.getAddressKey())
                .append("premisesKey", assessed.getPremisesKey())
                .append("match", assessed.getMatch().name())
                .append("matchConfidence", assessed.getMatchConfidence())
                .append("premisesId", assessed.getPremisesId())
                .append("riskIndustry", assessed.getRiskIndustry())
                .append("tipsLast30Days", assessed.getTipsLast30Days())
                .append("tipsLast90Days", assessed.getTipsLast90Days())
                .append("riskLevel", assessed.getRiskLevel().name())
                .append("riskReasons", assessed.getRiskReasons())
                .append("notice", notice.map(AssessmentRepository::document).orElse(null))
                .append(Outbox.FIELD, List.of(Outbox.entry(Topics.PREMISES_ASSESSED, assessed.getTipId(), assessed)));
        return Mono.from(collection.insertOne(document))
                .thenReturn(true)
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.just(false) : Mono.error(e));
    }

    private static Document document(AssessedTip tip) {
        NoticePremises premises = tip.premises();
        return new Document("premisesId", tip.premisesId())
                .append("propertyDesignation", premises.propertyDesignation())
                .append("streetAddress", premises.streetAddress())
                .append("postalCode", premises.postalCode())
                .append("city", premises.city())
                .append("landlord", premises.landlord())
                .append("category", premises.category())
                .append("industryCode", premises.industryCode())
                .append("riskIndustry", premises.riskIndustry())
                .append("tipId", tip.tipId())
                .append("channel", tip.channel())
                .append("observedAt", Date.from(tip.observedAt()))
                .append("assessedAt", Date.from(tip.assessedAt()))
                .append("match", tip.match().name())
                .append("confidence", tip.confidence())
                .append("tipsLast30Days", tip.tipsLast30Days())
                .append("tipsLast90Days", tip.tipsLast90Days())
                .append("riskLevel", tip.riskLevel().name())
                .append("riskReasons", tip.riskReasons());
    }

    private static AssessedTip assessedTip(Document notice) {
        return new AssessedTip(notice.getString("premisesId"),
                new NoticePremises(notice.getString("propertyDesignation"), notice.getString("streetAddress"),
                        notice.getString("postalCode"), notice.getString("city"), notice.getString("landlord"),
                        notice.getString("category"), notice.getString("industryCode"),
                        notice.getBoolean("riskIndustry", false)),
                notice.getString("tipId"), notice.getString("channel"), instant(notice, "observedAt"),
                instant(notice, "assessedAt"), MatchLevel.valueOf(notice.getString("match")),
                notice.getDouble("confidence"), notice.getInteger("tipsLast30Days"),
                notice.getInteger("tipsLast90Days"), RiskLevel.valueOf(notice.getString("riskLevel")),
                notice.getList("riskReasons", String.class, List.of()));
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }
}
