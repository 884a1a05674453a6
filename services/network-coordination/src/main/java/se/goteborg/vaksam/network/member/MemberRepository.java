package se.goteborg.vaksam.network.member;

import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.platform.events.Topics;

/**
 * The members collection. Every write stores the member's new state together with its MemberChanged event in the
 * document's outbox, in one single-document write, so the topic never misses or invents a change.
 */
@Component
class MemberRepository {

    static final String COLLECTION = "members";

    private final MongoCollection<Document> members;
    private final OutboxRelay relay;

    MemberRepository(MongoDatabase database, OutboxRelay relay) {
        this.members = database.getCollection(COLLECTION);
        this.relay = relay;
    }

    Flux<Member> findAll() {
        return Flux.from(members.find().projection(Projections.exclude(Outbox.FIELD)).sort(Sorts.ascending("name")))
                .map(MemberDocuments::member);
    }

    Mono<Member> findById(String memberId) {
        return Mono.from(members.find(Filters.eq(MemberDocuments.ID, memberId))
                        .projection(Projections.exclude(Outbox.FIELD)).first())
                .map(MemberDocuments::member);
    }

    /** Emits whether every change of these members has left the outbox for the member topic. */
    Mono<Boolean> published(List<String> memberIds) {
        return Mono.from(members.countDocuments(Filters.and(Filters.in(MemberDocuments.ID, memberIds),
                        Filters.exists(Outbox.FIELD + ".0"))))
                .map(waiting -> waiting == 0);
    }

    /** Fails with a duplicate-key write error when the id is taken. */
    Mono<Member> insert(Member member) {
        Document document = MemberDocuments.document(member).append(Outbox.FIELD, List.of(changed(member)));
        return Mono.from(members.insertOne(document))
                .doOnSuccess(inserted -> relay.nudge(member.memberId()))
                .thenReturn(member);
    }

    /** Stores {@code next} only if the member is still at {@code current}'s version; emits whether it did. */
    Mono<Boolean> update(Member current, Member next) {
        Document change = new Document("$set", MemberDocuments.state(next))
                .append("$push", new Document(Outbox.FIELD, changed(next)));
        return Mono.from(members.updateOne(Filters.and(Filters.eq(MemberDocuments.ID, current.memberId()),
                        Filters.eq(MemberDocuments.VERSION, current.version())), change))
                .map(result -> result.getMatchedCount() == 1)
                .doOnNext(updated -> {
                    if (updated) {
                        relay.nudge(current.memberId());
                    }
                });
    }

    private static Document changed(Member member) {
        return Outbox.entry(Topics.MEMBER_CHANGED, member.memberId(), MemberDocuments.event(member));
    }
}
