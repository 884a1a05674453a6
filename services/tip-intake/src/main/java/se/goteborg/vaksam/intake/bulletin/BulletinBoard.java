package se.goteborg.vaksam.intake.bulletin;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.events.bulletin.BulletinStatus;

/**
 * The bulletins projection: one document holding the {@link Board}, so every form page reads it with a single
 * primary-key read, however many bulletins there have been. Each change is a conditional write on the version read;
 * one that lost to a concurrent change (another partition's listener) is made again on the fresh board.
 */
@Component
class BulletinBoard {

    static final String COLLECTION = "bulletin_board";
    static final String ID = "current";
    private static final int CONCURRENT_CHANGE_ATTEMPTS = 20;

    private final MongoCollection<Document> boards;
    private final Clock clock;

    BulletinBoard(MongoDatabase database, Clock clock) {
        this.boards = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    Mono<Board> read() {
        return stored().map(Stored::board).defaultIfEmpty(Board.EMPTY);
    }

    /** Takes the bulletin's state in, unless a newer one is there already. */
    Mono<Void> upsert(BulletinChanged event) {
        BoardEntry changed = BoardEntry.of(event);
        return Mono.defer(() -> stored().defaultIfEmpty(new Stored(Board.EMPTY, -1)).flatMap(current -> {
                    Board next = current.board().with(changed, clock.instant());
                    return next == current.board() ? Mono.<Void>empty() : write(current, next);
                }))
                .retryWhen(Retry.max(CONCURRENT_CHANGE_ATTEMPTS).filter(ConcurrentChange.class::isInstance));
    }

    private record Stored(Board board, long version) {
    }

    private Mono<Stored> stored() {
        return Mono.from(boards.find(Filters.eq("_id", ID)).first())
                .map(document -> new Stored(new Board(document.getList("bulletins", Document.class).stream()
                        .map(BulletinBoard::entry).toList()), document.get("version", Number.class).longValue()));
    }

    private Mono<Void> write(Stored current, Board next) {
        Document document = new Document("_id", ID)
                .append("bulletins", next.entries().stream().map(BulletinBoard::document).toList())
                .append("version", current.version() + 1);
        Mono<Boolean> written = current.version() < 0
                ? Mono.from(boards.insertOne(document)).thenReturn(true)
                        .onErrorResume(MongoWriteException.class, e -> isDuplicateKey(e) ? Mono.just(false)
                                : Mono.error(e))
                : Mono.from(boards.replaceOne(Filters.and(Filters.eq("_id", ID),
                        Filters.eq("version", current.version())), document))
                        .map(result -> result.getMatchedCount() == 1);
        return written.flatMap(done -> done ? Mono.<Void>empty() : Mono.error(new ConcurrentChange()));
    }

    private static Document document(BoardEntry entry) {
        return new Document("bulletinId", entry.bulletinId())
                .append("status", entry.status().name())
                .append("titleSv", entry.titleSv())
                .append("titleEn", entry.titleEn())
                .append("bodySv", entry.bodySv())
                .append("bodyEn", entry.bodyEn())
                .append("memberTypes", entry.memberTypes())
                .append("districts", entry.districts())
                .append("publishAt", Date.from(entry.publishAt()))
                .append("expiresAt", Date.from(entry.expiresAt()))
                .append("changedAt", Date.from(entry.changedAt()));
    }

    private static BoardEntry entry(Document document) {
        return new BoardEntry(document.getString("bulletinId"), BulletinStatus.valueOf(document.getString("status")),
                document.getString("titleSv"), document.getString("titleEn"), document.getString("bodySv"),
                document.getString("bodyEn"), document.getList("memberTypes", String.class, List.of()),
                document.getList("districts", String.class, List.of()), instant(document, "publishAt"),
                instant(document, "expiresAt"), instant(document, "changedAt"));
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }

    private static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Another listener changed the board between our read and our write. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
