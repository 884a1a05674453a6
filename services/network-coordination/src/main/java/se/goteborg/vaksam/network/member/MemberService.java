package se.goteborg.vaksam.network.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.UnaryOperator;

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

/** Enrolment, suspension, revocation and key rotation of member organisations. */
@Service
class MemberService {

    private static final Logger log = LoggerFactory.getLogger(MemberService.class);
    private static final int CONCURRENT_CHANGE_ATTEMPTS = 5;
    static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");

    private final MemberRepository repository;
    private final Clock clock;

    MemberService(MemberRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Flux<Member> list() {
        return repository.findAll();
    }

    Mono<Member> get(String memberId) {
        return repository.findById(memberId).switchIfEmpty(Mono.error(() -> notFound()));
    }

    /** Today in Swedish time: the default joined date, and the latest one accepted. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CITY_TIME);
    }

    Mono<IssuedKey> enrol(MemberProfile profile) {
        return enrol(UUID.randomUUID().toString(), profile);
    }

    /**
     * Enrols the organisation as {@code memberId}. The pages pass their form's submission id, so an enrolment sent
     * twice (a double click, the back button) meets the member it made the first time: it is refused with
     * {@link AlreadyEnrolled}, and no second member or key is made. That first answer was the only one with the key.
     */
    Mono<IssuedKey> enrol(String memberId, MemberProfile profile) {
        String key = IntakeKeys.generate();
        Member member = Member.enrolled(memberId, profile, IntakeKeys.hash(key), clock.instant());
        return repository.insert(member)
                .doOnNext(m -> log.info("Member {} enrolled ({})", m.memberId(), m.type()))
                .map(m -> new IssuedKey(m, key))
                .onErrorResume(MemberService::isDuplicateKey,
                        e -> get(memberId).flatMap(enrolled -> Mono.error(new AlreadyEnrolled(enrolled))));
    }

    /**
     * Replaces the organisation's details. With {@code expectedVersion}, the edit is refused (412) when someone else
     * changed the member since that version was read, so an edit never silently undoes another; an edit that would
     * change nothing is no conflict, so the same edit sent twice succeeds twice.
     */
    Mono<Member> edit(String memberId, MemberProfile profile, Long expectedVersion) {
        return change(memberId, member -> {
            if (!member.profile().equals(profile)) {
                requireVersion(member, expectedVersion);
            }
            return member.edited(profile, clock.instant());
        }, "edited");
    }

    Mono<Member> revoke(String memberId) {
        return change(memberId, member -> member.revoked(clock.instant()), "revoked");
    }

    Mono<Member> suspend(String memberId) {
        return change(memberId, member -> member.suspended(clock.instant()), "suspended");
    }

    Mono<Member> activate(String memberId) {
        return change(memberId, member -> member.activated(clock.instant()), "activated");
    }

    /**
     * A new key in place of every earlier one. With {@code expectedVersion}, refused (412) when the member changed
     * since that version was read: the same request sent twice issues one key, and a key someone else just issued is
     * not replaced unseen.
     */
    Mono<IssuedKey> rotateKey(String memberId, Long expectedVersion) {
        String key = IntakeKeys.generate();
        String hash = IntakeKeys.hash(key);
        return change(memberId, member -> {
            requireVersion(member, expectedVersion);
            return member.withOnlyKey(hash, clock.instant());
        }, "given a new intake key").map(member -> new IssuedKey(member, key));
    }

    /**
     * Brings a member with a fixed id to the desired state, creating it if needed; emits whether anything changed,
     * so seeding the same data again publishes nothing.
     */
    Mono<Boolean> ensure(Member desired) {
        return Mono.defer(() -> repository.findById(desired.memberId())
                        .flatMap(current -> current.sameStateAs(desired)
                                ? Mono.just(false)
                                : repository.update(current, current.withStateOf(desired, clock.instant()))
                                        .flatMap(updated -> updated ? Mono.just(true) : Mono.error(new ConcurrentChange())))
                        .switchIfEmpty(Mono.defer(() -> repository.insert(desired).thenReturn(true)
                                .onErrorMap(MemberService::isDuplicateKey, e -> new ConcurrentChange()))))
                .retryWhen(concurrentChanges());
    }

    private Mono<Member> change(String memberId, UnaryOperator<Member> transition, String what) {
        return Mono.defer(() -> get(memberId).flatMap(current -> {
                    Member next = transition.apply(current);
                    if (next == current) {
                        return Mono.just(current);
                    }
                    return repository.update(current, next)
                            .flatMap(updated -> updated ? Mono.just(next) : Mono.<Member>error(new ConcurrentChange()))
                            .doOnNext(m -> log.info("Member {} {}", m.memberId(), what));
                }))
                .retryWhen(concurrentChanges());
    }

    private static void requireVersion(Member member, Long expectedVersion) {
        if (expectedVersion != null && member.version() != expectedVersion) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
                    "The member was changed by someone else since you read it; read it again.");
        }
    }

    private static Retry concurrentChanges() {
        return Retry.max(CONCURRENT_CHANGE_ATTEMPTS)
                .filter(ConcurrentChange.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "The member is being changed by someone else; try again."));
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such member.");
    }

    /** The member was enrolled by this very request before (409): its key was only in that first answer. */
    static final class AlreadyEnrolled extends ResponseStatusException {

        private final transient Member member;

        AlreadyEnrolled(Member member) {
            super(HttpStatus.CONFLICT, "This enrolment was made already; its key was shown then. Issue a new key if "
                    + "it was lost.");
            this.member = member;
            getBody().setProperty("memberId", member.memberId());
        }

        Member member() {
            return member;
        }
    }

    /** Another writer changed the member between our read and our write; the change is tried again on fresh state. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
