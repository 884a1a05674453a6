package se.goteborg.vaksam.network.bulletin;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import se.goteborg.vaksam.network.member.MemberDirectory;
import se.goteborg.vaksam.network.member.MemberDirectory.MemberSummary;

/**
 * Writing, scheduling, editing, cancelling and withdrawing bulletins, and sending failed e-mails again. Publication
 * and the e-mails themselves are the sweep's; every change here asks it for a pass, so a bulletin for now goes out
 * at once. The log names bulletins by id only, never by what they say.
 */
@Service
class BulletinService {

    private static final Logger log = LoggerFactory.getLogger(BulletinService.class);
    private static final int CONCURRENT_CHANGE_ATTEMPTS = 5;

    private final BulletinRepository bulletins;
    private final DeliveryRepository deliveries;
    private final MemberDirectory members;
    private final BulletinSweep sweep;
    private final Clock clock;

    BulletinService(BulletinRepository bulletins, DeliveryRepository deliveries, MemberDirectory members,
                    BulletinSweep sweep, Clock clock) {
        this.bulletins = bulletins;
        this.deliveries = deliveries;
        this.members = members;
        this.sweep = sweep;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    Flux<Bulletin> list() {
        return bulletins.findAll();
    }

    Mono<Bulletin> get(String bulletinId) {
        return bulletins.findById(bulletinId).switchIfEmpty(Mono.error(BulletinService::notFound));
    }

    /** The bulletin with each recipient's e-mail; a recipient whose e-mail is not stored yet is shown pending. */
    Mono<BulletinDetail> detail(String bulletinId) {
        return get(bulletinId).flatMap(bulletin -> Mono.zip(
                        deliveries.of(bulletinId, bulletin.recipients())
                                .collectMap(Delivery::memberId, Function.identity()),
                        members.all().collectMap(MemberSummary::memberId, Function.identity()))
                .map(found -> {
                    Map<String, Delivery> stored = found.getT1();
                    Map<String, MemberSummary> directory = found.getT2();
                    Instant now = clock.instant();
                    return new BulletinDetail(bulletin, bulletin.recipients().stream().map(memberId -> {
                        MemberSummary member = directory.get(memberId);
                        Delivery delivery = stored.getOrDefault(memberId, Delivery.queued(bulletinId, memberId, now));
                        return DeliveryView.of(delivery, member == null ? null : member.name(),
                                member == null ? null : member.type());
                    }).collect(Collectors.toList()));
                }));
    }

    /**
     * Schedules a new bulletin. With {@code bulletinId} (a form's submission id) sending the same form twice creates
     * it once; without, it gets a fresh id.
     */
    Mono<Bulletin> create(String bulletinId, BulletinDraft draft) {
        Bulletin bulletin = Bulletin.scheduled(bulletinId == null ? UUID.randomUUID().toString() : bulletinId, draft,
                clock.instant());
        return bulletins.insert(bulletin)
                .doOnNext(created -> {
                    log.info("Bulletin {} scheduled", created.bulletinId());
                    sweep.nudge();
                })
                .onErrorResume(BulletinService::isDuplicateKey, e -> get(bulletin.bulletinId()));
    }

    /**
     * Replaces what a scheduled bulletin says, whom it is for and when. With {@code expectedVersion}, the edit is
     * refused (412) when someone else changed it since that version was read.
     */
    Mono<Bulletin> edit(String bulletinId, BulletinDraft draft, Long expectedVersion) {
        return change(bulletinId, bulletin -> {
            if (expectedVersion != null && bulletin.version() != expectedVersion) {
                throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                        "The bulletin was changed by someone else since you read it; read it again.");
            }
            return bulletin.edited(draft, clock.instant());
        }, "edited");
    }

    Mono<Bulletin> cancel(String bulletinId) {
        return change(bulletinId, bulletin -> bulletin.cancelled(clock.instant()), "cancelled");
    }

    /** Members stop seeing it at once; e-mails not sent yet are not sent. */
    Mono<Bulletin> withdraw(String bulletinId) {
        return change(bulletinId, bulletin -> bulletin.withdrawn(clock.instant()), "withdrawn");
    }

    /**
     * Queues the failed e-mails of a published bulletin, and those to members that had no address, for a new series
     * of attempts; emits how many.
     */
    Mono<Long> retry(String bulletinId) {
        return get(bulletinId).flatMap(bulletin -> {
            Instant now = clock.instant();
            if (bulletin.state() != BulletinState.PUBLISHED || bulletin.expired(now)) {
                return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                        "Only a published bulletin that has not expired can be sent again."));
            }
            return deliveries.requeue(bulletinId, bulletin.recipients(), now)
                    .flatMap(requeued -> requeued == 0 ? Mono.just(0L)
                            : bulletins.openDeliveries(bulletinId).thenReturn(requeued))
                    .doOnNext(requeued -> {
                        log.info("Bulletin {}: {} e-mails queued again", bulletinId, requeued);
                        sweep.nudge();
                    });
        });
    }

    private Mono<Bulletin> change(String bulletinId, UnaryOperator<Bulletin> transition, String what) {
        return Mono.defer(() -> get(bulletinId).flatMap(current -> {
                    Bulletin next = transition.apply(current);
                    if (next == current) {
                        return Mono.just(current);
                    }
                    return bulletins.update(current, next)
                            .flatMap(updated -> updated ? Mono.just(next)
                                    : Mono.<Bulletin>error(new ConcurrentChange()))
                            .doOnNext(changed -> {
                                log.info("Bulletin {} {}", bulletinId, what);
                                sweep.nudge();
                            });
                }))
                .retryWhen(Retry.max(CONCURRENT_CHANGE_ATTEMPTS)
                        .filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new ResponseStatusException(HttpStatus.CONFLICT,
                                "The bulletin is being changed by someone else; try again.")));
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such bulletin.");
    }

    /** Another writer changed the bulletin between our read and our write; the change is tried on fresh state. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
