package se.goteborg.vaksam.premises.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One document per city-let premises that a tip concerned, keyed by premises id. Every change reads the document,
 * applies a pure change and writes it back only if no one else wrote in between (a version number), so concurrent
 * tips and actions never lose each other, and a replayed tip or a repeated action request changes nothing.
 * <p>
 * The list of notices is read by a find over the whole collection: it holds only flagged premises (a tip about
 * city-let premises), a small set next to the register, so the list is read without the tips and actions and
 * sorted in memory.
 */
@Repository
class NoticeRepository {

    static final String COLLECTION = "lettings_notices";
    private static final int MAX_CONFLICT_RETRIES = 20;

    private final MongoCollection<Document> collection;

    NoticeRepository(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** An action and how it was asked for: an idempotency id and a fingerprint of the request, or nulls. */
    record ActionKey(String idempotencyId, String fingerprint, String actionId) {
    }

    /** A stored notice with what its next write needs. */
    record Stored(Notice notice, long version, List<ActionKey> actionKeys) {

        Optional<ActionKey> keyed(String idempotencyId) {
            return actionKeys.stream().filter(key -> key.idempotencyId().equals(idempotencyId)).findFirst();
        }
    }

    Mono<Stored> find(String premisesId) {
        return Mono.from(collection.find(Filters.eq("_id", premisesId)).first()).map(NoticeRepository::stored);
    }

    Flux<NoticeSummary> summaries() {
        return Flux.from(collection.find().projection(Projections.exclude("tips", "actions", "actionKeys")))
                .map(document -> notice(document, List.of(), List.of()).summary());
    }

    /** Adds the tip, opening the notice with it if there is none yet. */
    Mono<Void> addTip(AssessedTip tip) {
        return change(tip.premisesId(), stored -> stored
                        .map(existing -> NoticeChanges.withTip(existing.notice(), tip)
                                .map(changed -> new Stored(changed, existing.version(), existing.actionKeys())))
                        .orElseGet(() -> Optional.of(new Stored(NoticeChanges.first(tip), 0, List.of()))))
                .then();
    }

    /**
     * Applies the change to the stored notice (empty when there is none) and writes the result; a change that
     * returns empty writes nothing. Completes with the notice as stored afterwards, or empty when there is none.
     */
    Mono<Stored> change(String premisesId, Function<Optional<Stored>, Optional<Stored>> change) {
        return Mono.defer(() -> find(premisesId)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(stored -> {
                            Optional<Stored> changed = change.apply(stored);
                            if (changed.isEmpty()) {
                                return Mono.justOrEmpty(stored);
                            }
                            return stored.isEmpty() ? insert(changed.get()) : replace(changed.get());
                        }))
                .retryWhen(Retry.max(MAX_CONFLICT_RETRIES).filter(VersionConflict.class::isInstance));
    }

    private Mono<Stored> insert(Stored notice) {
        Stored first = new Stored(notice.notice(), 1, notice.actionKeys());
        return Mono.from(collection.insertOne(document(first)))
                .onErrorMap(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? new VersionConflict() : e)
                .thenReturn(first);
    }

    private Mono<Stored> replace(Stored notice) {
        Stored next = new Stored(notice.notice(), notice.version() + 1, notice.actionKeys());
        return Mono.from(collection.replaceOne(Filters.and(Filters.eq("_id", notice.notice().premisesId()),
                        Filters.eq("version", notice.version())), document(next)))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.just(next) : Mono.error(new VersionConflict()));
    }

    private static Document document(Stored stored) {
        Notice notice = stored.notice();
        return new Document("_id", notice.premisesId())
                .append("version", stored.version())
                .append("propertyDesignation", notice.propertyDesignation())
                .append("streetAddress", notice.streetAddress())
                .append("postalCode", notice.postalCode())
                .append("city", notice.city())
                .append("landlord", notice.landlord())
                .append("category", notice.category())
                .append("industryCode", notice.industryCode())
                .append("riskIndustry", notice.riskIndustry())
                .append("match", notice.match())
                .append("knownSince", Date.from(notice.knownSince()))
                .append("tipCount", notice.tipCount())
                .append("tipsLast30Days", notice.tipsLast30Days())
                .append("tipsLast90Days", notice.tipsLast90Days())
                .append("lastTipAt", Date.from(notice.lastTipAt()))
                .append("riskLevel", notice.riskLevel())
                .append("riskReasons", notice.riskReasons())
                .append("status", notice.status().name())
                .append("lastAction", notice.lastAction() == null ? null : action(notice.lastAction()))
                .append("tips", notice.tips().stream().map(tip -> new Document("tipId", tip.tipId())
                        .append("channel", tip.channel())
                        .append("observedAt", Date.from(tip.observedAt()))
                        .append("assessedAt", Date.from(tip.assessedAt()))
                        .append("match", tip.match())
                        .append("confidence", tip.confidence())).toList())
                .append("actions", notice.actions().stream().map(NoticeRepository::action).toList())
                .append("actionKeys", stored.actionKeys().stream().map(key -> new Document("id", key.idempotencyId())
                        .append("fingerprint", key.fingerprint())
                        .append("actionId", key.actionId())).toList());
    }

    private static Document action(NoticeAction action) {
        return new Document("actionId", action.actionId())
                .append("action", action.action().name())
                .append("takenOn", action.takenOn().toString())
                .append("recordedAt", Date.from(action.recordedAt()))
                .append("recordedBy", action.recordedBy())
                .append("reference", action.reference());
    }

    private static Stored stored(Document document) {
        List<NoticeTip> tips = document.getList("tips", Document.class, List.of()).stream()
                .map(tip -> new NoticeTip(tip.getString("tipId"), tip.getString("channel"),
                        instant(tip, "observedAt"), instant(tip, "assessedAt"), tip.getString("match"),
                        tip.getDouble("confidence")))
                .toList();
        List<NoticeAction> actions = document.getList("actions", Document.class, List.of()).stream()
                .map(NoticeRepository::action)
                .toList();
        List<ActionKey> keys = document.getList("actionKeys", Document.class, List.of()).stream()
                .map(key -> new ActionKey(key.getString("id"), key.getString("fingerprint"), key.getString("actionId")))
                .toList();
        return new Stored(notice(document, tips, actions), document.getLong("version"), keys);
    }

    private static Notice notice(Document document, List<NoticeTip> tips, List<NoticeAction> actions) {
        Document lastAction = document.get("lastAction", Document.class);
        return new Notice(document.getString("_id"), document.getString("propertyDesignation"),
                document.getString("streetAddress"), document.getString("postalCode"), document.getString("city"),
                document.getString("landlord"), document.getString("category"), document.getString("industryCode"),
                document.getBoolean("riskIndustry", false), document.getString("match"),
                instant(document, "knownSince"), document.getInteger("tipCount", 0),
                document.getInteger("tipsLast30Days", 0), document.getInteger("tipsLast90Days", 0),
                instant(document, "lastTipAt"), document.getString("riskLevel"),
                document.getList("riskReasons", String.class, List.of()),
                NoticeStatus.valueOf(document.getString("status")),
                lastAction == null ? null : action(lastAction), tips, actions);
    }

    private static NoticeAction action(Document action) {
        return new NoticeAction(action.getString("actionId"), LandlordAction.valueOf(action.getString("action")),
                LocalDate.parse(action.getString("takenOn")), instant(action, "recordedAt"),
                action.getString("recordedBy"), action.getString("reference"));
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }

    /** Another writer changed the notice first; reading it again and retrying resolves it. */
    private static final class VersionConflict extends RuntimeException {

        VersionConflict() {
            super(null, null, false, false);
        }
    }
}
