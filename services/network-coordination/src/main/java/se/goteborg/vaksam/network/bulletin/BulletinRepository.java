package se.goteborg.vaksam.network.bulletin;

import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * The bulletins collection. Every change is one conditional single-document write on the version read, so of two
 * writers (two coordinators, a coordinator and the sweep, two replicas' sweeps) only one wins. A change that members
 * must learn of (publication, withdrawal) carries its BulletinChanged event in the document's outbox in that same
 * write, so the topic never misses or invents one.
 */
@Component
class BulletinRepository {

    static final String COLLECTION = "bulletins";

    private final MongoCollection<Document> bulletins;
    private final OutboxRelay relay;

    BulletinRepository(MongoDatabase database, @Qualifier(BulletinConfiguration.RELAY) OutboxRelay relay) {
        this.bulletins = database.getCollection(COLLECTION);
        this.relay = relay;
    }

    /** Every bulletin, newest first. A handful a month: reading them all is cheap. */
    Flux<Bulletin> findAll() {
        return Flux.from(bulletins.find().projection(Projections.exclude(Outbox.FIELD))
                        .sort(Sorts.descending(BulletinDocuments.CREATED_AT, BulletinDocuments.ID)))
                .map(BulletinDocuments::bulletin);
    }

    Mono<Bulletin> findById(String bulletinId) {
        return Mono.from(bulletins.find(Filters.eq(BulletinDocuments.ID, bulletinId))
                        .projection(Projections.exclude(Outbox.FIELD)).first())
                .map(BulletinDocuments::bulletin);
    }

    /** Fails with a duplicate-key write error when the id is taken. */
    Mono<Bulletin> insert(Bulletin bulletin) {
        return Mono.from(bulletins.insertOne(BulletinDocuments.document(bulletin))).thenReturn(bulletin);
    }

    /**
     * Stores {@code next} only if the bulletin is still at {@code current}'s version; emits whether it did. A change
     * of state to PUBLISHED or WITHDRAWN puts its event in the outbox, and publication opens the deliveries.
     */
    Mono<Boolean> update(Bulletin current, Bulletin next) {
        boolean announced = next.state() != current.state()
                && (next.state() == BulletinState.PUBLISHED || next.state() == BulletinState.WITHDRAWN);
        Document set = BulletinDocuments.state(next);
        if (next.state() == BulletinState.PUBLISHED && current.state() == BulletinState.SCHEDULED) {
            set.append(BulletinDocuments.DELIVERIES_OPEN, UUID.randomUUID().toString());
        }
        Document change = new Document("$set", set);
        if (announced) {
            change.append("$push", new Document(Outbox.FIELD,
                    Outbox.entry(Topics.BULLETIN_CHANGED, next.bulletinId(), BulletinDocuments.event(next))));
        }
        return Mono.from(bulletins.updateOne(Filters.and(Filters.eq(BulletinDocuments.ID, current.bulletinId()),
                        Filters.eq(BulletinDocuments.VERSION, current.version())), change))
                .map(result -> result.getMatchedCount() == 1)
                .doOnNext(updated -> {
                    if (updated && announced) {
                        relay.nudge(next.bulletinId());
                    }
                });
    }

    /**
     * What the sweep has to look at: bulletins waiting to be published and bulletins that may have e-mails to send,
     * each with the value of its deliveries' marker (null when closed). One read of the collection per pass.
     */
    Flux<Pending> pending() {
        Bson filter = Filters.or(Filters.eq(BulletinDocuments.STATE, BulletinState.SCHEDULED.name()),
                Filters.exists(BulletinDocuments.DELIVERIES_OPEN));
        return Flux.from(bulletins.find(filter).projection(Projections.exclude(Outbox.FIELD)))
                .map(document -> new Pending(BulletinDocuments.bulletin(document),
                        document.getString(BulletinDocuments.DELIVERIES_OPEN)));
    }

    /** A bulletin the sweep looks at; {@code deliveriesOpen} null unless it may have e-mails to send. */
    record Pending(Bulletin bulletin, String deliveriesOpen) {
    }

    /** Marks the bulletin as having e-mails to send again, with a fresh marker. */
    Mono<Void> openDeliveries(String bulletinId) {
        return Mono.from(bulletins.updateOne(Filters.eq(BulletinDocuments.ID, bulletinId),
                Updates.set(BulletinDocuments.DELIVERIES_OPEN, UUID.randomUUID().toString()))).then();
    }

    /** Clears the marker, unless it was set afresh since {@code marker} was read. */
    Mono<Void> closeDeliveries(String bulletinId, String marker) {
        return Mono.from(bulletins.updateOne(Filters.and(Filters.eq(BulletinDocuments.ID, bulletinId),
                        Filters.eq(BulletinDocuments.DELIVERIES_OPEN, marker)),
                Updates.unset(BulletinDocuments.DELIVERIES_OPEN))).then();
    }
}
