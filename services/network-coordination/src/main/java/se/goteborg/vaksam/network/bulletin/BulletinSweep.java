package se.goteborg.vaksam.network.bulletin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.network.bulletin.BulletinRepository.Pending;
import se.goteborg.vaksam.network.member.MemberDirectory;
import se.goteborg.vaksam.network.member.MemberDirectory.MemberSummary;
import se.goteborg.vaksam.platform.events.Backoff;
import se.goteborg.vaksam.platform.events.SweepLoop;

/**
 * Publishes bulletins when their time comes and sends their e-mails. A pass runs at every sweep interval and when a
 * coordinator's change asks for one ({@link #nudge()}); what "now" is comes from the injected clock.
 * <p>
 * Everything a pass decides is one conditional single-document write, so passes of several replicas, or a pass
 * after a restart, never publish a bulletin twice or send an e-mail twice: publication claims the bulletin at the
 * version read (recording its recipients, the active members its targets match, and its event in the outbox), and
 * each e-mail is claimed at the number of attempts read. State lives in the documents only, so a restart resumes
 * where the last pass stopped. The one exception: a service that dies while an e-mail is on its way sends it again
 * once its claim has lapsed.
 */
@Service
class BulletinSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulletinSweep.class);

    private final BulletinRepository bulletins;
    private final DeliveryRepository deliveries;
    private final MemberDirectory members;
    private final BulletinMails mails;
    private final BulletinMailer mailer;
    private final BulletinProperties properties;
    private final Clock clock;
    private final SweepLoop loop;

    BulletinSweep(BulletinRepository bulletins, DeliveryRepository deliveries, MemberDirectory members,
                  BulletinMails mails, BulletinMailer mailer, BulletinProperties properties, Clock clock) {
        this.bulletins = bulletins;
        this.deliveries = deliveries;
        this.members = members;
        this.mails = mails;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
        this.loop = new SweepLoop(properties.sweepInterval(), passes -> passes.concatMap(pass -> runOnce(), 1));
    }

    /** Asks for a pass soon; cheap, never blocks. */
    void nudge() {
        loop.trigger();
    }

    /**
     * One pass: publishes what is due, then sends what is due, the e-mails of bulletins it just published among
     * them. Never fails; what failed is tried again by a later pass.
     */
    Mono<Void> runOnce() {
        return bulletins.pending().collectList()
                .flatMap(pending -> publishDue(pending)
                        .flatMap(published -> published ? bulletins.pending().collectList() : Mono.just(pending)))
                .flatMapMany(Flux::fromIterable)
                .filter(pending -> pending.deliveriesOpen() != null)
                .concatMap(this::deliver)
                .then()
                .onErrorResume(e -> {
                    log.warn("Bulletin pass failed: {}", e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /** Emits whether this pass published any bulletin. */
    private Mono<Boolean> publishDue(List<Pending> pending) {
        Instant now = clock.instant();
        List<Bulletin> due = pending.stream().map(Pending::bulletin).filter(b -> b.due(now)).toList();
        if (due.isEmpty()) {
            return Mono.just(false);
        }
        return members.all().filter(member -> member.status() == MemberStatus.ACTIVE).collectList()
                .flatMapMany(active -> Flux.fromIterable(due).concatMap(bulletin -> publish(bulletin, active, now)))
                .reduce(false, Boolean::logicalOr);
    }

    private Mono<Boolean> publish(Bulletin bulletin, List<MemberSummary> active, Instant now) {
        List<String> recipients = active.stream()
                .filter(member -> bulletin.targets().matches(member.type(), member.district()))
                .map(MemberSummary::memberId)
                .toList();
        return bulletins.update(bulletin, bulletin.published(recipients, now))
                .doOnNext(published -> {
                    if (published) {
                        log.info("Bulletin {} published to {} members", bulletin.bulletinId(), recipients.size());
                    }
                });
    }

    /**
     * The bulletin's e-mails: those not stored yet are stored first (a pass may have stopped between publishing and
     * storing them); the due ones are sent, or cancelled if the bulletin was withdrawn or has expired. When none is
     * left pending, the bulletin stops being looked at.
     */
    private Mono<Void> deliver(Pending pending) {
        Bulletin bulletin = pending.bulletin();
        Instant now = clock.instant();
        return deliveries.of(bulletin.bulletinId(), bulletin.recipients()).collectList()
                .flatMap(stored -> {
                    Set<String> known = stored.stream().map(Delivery::memberId).collect(Collectors.toSet());
                    List<Delivery> queued = bulletin.recipients().stream().filter(id -> !known.contains(id))
                            .map(id -> Delivery.queued(bulletin.bulletinId(), id, now)).toList();
                    List<Delivery> all = new ArrayList<>(stored);
                    all.addAll(queued);
                    return deliveries.add(queued).thenReturn(all);
                })
                .flatMap(all -> {
                    List<Delivery> open = all.stream().filter(d -> d.status() == DeliveryStatus.PENDING).toList();
                    if (open.isEmpty()) {
                        return bulletins.closeDeliveries(bulletin.bulletinId(), pending.deliveriesOpen());
                    }
                    boolean stopped = bulletin.state() != BulletinState.PUBLISHED || bulletin.expired(now);
                    return Flux.fromIterable(open)
                            .filter(delivery -> stopped || delivery.due(now))
                            .flatMap(delivery -> stopped ? deliveries.settle(delivery, DeliveryStatus.CANCELLED)
                                    : attempt(bulletin, delivery), properties.concurrentSends())
                            .then();
                })
                .onErrorResume(e -> {
                    log.warn("Delivering bulletin {} failed: {}", bulletin.bulletinId(), e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /**
     * One attempt to e-mail one member, at the address the member has now. A member that has left the network is
     * not sent to; one without an address is listed as not reachable by e-mail.
     */
    private Mono<Void> attempt(Bulletin bulletin, Delivery delivery) {
        Instant now = clock.instant();
        int attempt = delivery.attempts() + 1;
        Duration lease = properties.claimLease();
        return members.find(delivery.memberId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    MemberSummary member = found.filter(m -> m.status() == MemberStatus.ACTIVE).orElse(null);
                    if (member == null) {
                        return deliveries.settle(delivery, DeliveryStatus.CANCELLED);
                    }
                    if (member.contactEmail() == null || member.contactEmail().isBlank()) {
                        return deliveries.settle(delivery, DeliveryStatus.NO_ADDRESS);
                    }
                    return deliveries.claim(delivery, now, now.plus(lease))
                            .filter(Boolean::booleanValue)
                            .flatMap(claimed -> mailer.send(mails.compose(bulletin, member.name()),
                                    member.contactEmail()))
                            .flatMap(outcome -> record(delivery, attempt, outcome));
                })
                .timeout(lease)
                .onErrorResume(e -> {
                    log.warn("Bulletin {} e-mail to member {} attempt {} not completed: {}", bulletin.bulletinId(),
                            delivery.memberId(), attempt, e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private Mono<Void> record(Delivery delivery, int attempt, SendOutcome outcome) {
        Instant at = clock.instant();
        Backoff retries = properties.retries();
        DeliveryStatus status;
        Instant next = null;
        if (outcome.sent()) {
            status = DeliveryStatus.SENT;
        } else if (outcome.permanent() || retries.exhaustedAfter(attempt)) {
            status = DeliveryStatus.FAILED;
            log.warn("Bulletin {} e-mail to member {} FAILED on attempt {}: {}", delivery.bulletinId(),
                    delivery.memberId(), attempt, outcome.describe());
        } else {
            status = DeliveryStatus.PENDING;
            Duration delay = retries.delayAfter(attempt);
            next = at.plus(delay);
            log.warn("Bulletin {} e-mail to member {} attempt {} failed: {}; next attempt in {}",
                    delivery.bulletinId(), delivery.memberId(), attempt, outcome.describe(), delay);
        }
        return deliveries.record(delivery.deliveryId(), attempt, outcome, status, at, next);
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
