package se.goteborg.vaksam.network.meeting;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The meetings collection: one document per meeting, its attendance inside it, so a change is one write. */
@Repository
class MeetingRepository {

    static final String COLLECTION = "meetings";

    private final MongoCollection<Document> meetings;

    MeetingRepository(MongoDatabase database) {
        this.meetings = database.getCollection(COLLECTION);
    }

    /** Every meeting, newest first. A network holds a handful a year, so reading them all is cheap. */
    Flux<Meeting> findAll() {
        return Flux.from(meetings.find().sort(Sorts.descending("heldOn", "createdAt"))).map(MeetingRepository::meeting);
    }

    Mono<Meeting> findById(String meetingId) {
        return Mono.from(meetings.find(Filters.eq("_id", meetingId)).first()).map(MeetingRepository::meeting);
    }

    Mono<Meeting> insert(Meeting meeting) {
        return Mono.from(meetings.insertOne(document(meeting))).thenReturn(meeting);
    }

    /** Stores {@code next} only if the meeting is still at {@code current}'s version; emits whether it did. */
    Mono<Boolean> update(Meeting current, Meeting next) {
        return Mono.from(meetings.replaceOne(Filters.and(Filters.eq("_id", current.meetingId()),
                        Filters.eq("version", current.version())), document(next)))
                .map(result -> result.getMatchedCount() == 1);
    }

    Mono<Boolean> delete(String meetingId) {
        return Mono.from(meetings.deleteOne(Filters.eq("_id", meetingId))).map(result -> result.getDeletedCount() == 1);
    }

    private static Document document(Meeting meeting) {
        return new Document("_id", meeting.meetingId())
                .append("kind", meeting.kind().name())
                .append("title", meeting.title())
                .append("heldOn", meeting.heldOn().toString())
                .append("attendeeMemberIds", meeting.attendeeMemberIds().stream().sorted().toList())
                .append("createdAt", Date.from(meeting.createdAt()))
                .append("changedAt", Date.from(meeting.changedAt()))
                .append("version", meeting.version());
    }

    private static Meeting meeting(Document document) {
        return new Meeting(document.getString("_id"), MeetingKind.valueOf(document.getString("kind")),
                document.getString("title"), LocalDate.parse(document.getString("heldOn")),
                new HashSet<>(document.getList("attendeeMemberIds", String.class)),
                document.getDate("createdAt").toInstant(), document.getDate("changedAt").toInstant(),
                document.get("version", Number.class).longValue());
    }
}
