package se.goteborg.vaksam.routing.tips;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.alert.AlertRouted;
import se.goteborg.vaksam.events.premises.PremisesAssessed;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * One routing document per tip, keyed by tip id: the tip and its assessment as they arrive (in either order), then
 * the decision. Marking a tip routed and queueing its alerts in the outbox is one single-document update, allowed
 * only from WAITING, so however many deliveries or sweeps race, a tip is routed once. Amending is allowed once, for
 * the assessment that arrived after the tip was routed without it.
 */
@Repository
class RoutingRepository {

    /** Also the collection the alert outbox relay reads. */
    static final String COLLECTION = "routings";
    static final String WAITING = "WAITING";
    static final String ROUTED = "ROUTED";
    private static final int DUPLICATE_KEY_ERROR = 11000;

    private final MongoCollection<Document> collection;

    RoutingRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    Mono<Routing> find(String tipId) {
        return Mono.from(collection.find(Filters.eq("_id", tipId)).first()).map(Routing::new);
    }

    Mono<Routing> saveTip(TipSubmitted tip, Instant receivedAt) {
        return upsert(tip.getTipId(), Updates.combine(
                Updates.set("tip", AvroBytes.encode(tip)),
                Updates.setOnInsert("tipReceivedAt", Date.from(receivedAt))));
    }

    Mono<Routing> saveAssessment(PremisesAssessed assessment) {
        return upsert(assessment.getTipId(), Updates.set("assessment", AvroBytes.encode(assessment)));
    }

    private Mono<Routing> upsert(String tipId, Bson update) {
        return Mono.defer(() -> Mono.from(collection.findOneAndUpdate(Filters.eq("_id", tipId),
                        Updates.combine(update, Updates.setOnInsert("state", WAITING)),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))))
                // The tip and its assessment arriving together may both try to create the document; the loser
                // finds it on its second try.
                .retryWhen(Retry.max(1).filter(RoutingRepository::isDuplicateKey))
                .map(Routing::new);
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof MongoCommandException command && command.getErrorCode() == DUPLICATE_KEY_ERROR
                || e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Routes a waiting tip; false when it was routed already. */
    Mono<Boolean> markRouted(String tipId, Instant routedAt, String rulesVersion, boolean withAssessment,
                             List<AlertRouted> alerts) {
        return Mono.from(collection.updateOne(Filters.and(Filters.eq("_id", tipId), Filters.eq("state", WAITING)),
                        Updates.combine(
                                Updates.set("state", ROUTED),
                                Updates.set("routedAt", Date.from(routedAt)),
                                Updates.set("rulesVersion", rulesVersion),
                                Updates.set("assessmentApplied", withAssessment),
                                Updates.set("recipients", alerts.stream().map(a -> a.getRecipient().name()).toList()),
                                Updates.pushEach(Outbox.FIELD, outboxEntries(alerts)))))
                .map(result -> result.getMatchedCount() == 1);
    }

    /** Adds the recipients the late assessment brings to a tip routed without it; false when amended already. */
    Mono<Boolean> amend(String tipId, Instant amendedAt, List<AlertRouted> alerts) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("assessmentApplied", true),
                Updates.set("amendedAt", Date.from(amendedAt))));
        if (!alerts.isEmpty()) {
            updates.add(Updates.pushEach("recipients", alerts.stream().map(a -> a.getRecipient().name()).toList()));
            updates.add(Updates.pushEach(Outbox.FIELD, outboxEntries(alerts)));
        }
        return Mono.from(collection.updateOne(Filters.and(Filters.eq("_id", tipId), Filters.eq("state", ROUTED),
                        Filters.eq("assessmentApplied", false)), Updates.combine(updates)))
                .map(result -> result.getMatchedCount() == 1);
    }

    private static List<Document> outboxEntries(List<AlertRouted> alerts) {
        return alerts.stream().map(alert -> Outbox.entry(Topics.ALERT_ROUTED, alert.getAlertId(), alert)).toList();
    }

    /** A routing document as stored. */
    record Routing(Document document) {

        TipSubmitted tip() {
            return AvroBytes.decode(document.get("tip", Binary.class), TipSubmitted.class);
        }

        PremisesAssessed assessment() {
            return AvroBytes.decode(document.get("assessment", Binary.class), PremisesAssessed.class);
        }

        boolean hasTip() {
            return document.containsKey("tip");
        }

        boolean hasAssessment() {
            return document.containsKey("assessment");
        }

        boolean isWaiting() {
            return WAITING.equals(document.getString("state"));
        }

        boolean assessmentApplied() {
            return document.getBoolean("assessmentApplied", false);
        }

        List<String> recipients() {
            return document.getList("recipients", String.class, List.of());
        }
    }
}
