package se.goteborg.vaksam.network.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingDraft;
import se.goteborg.vaksam.network.meeting.MeetingRequests.MeetingRequest;
import se.goteborg.vaksam.network.member.MemberDirectory;
import se.goteborg.vaksam.web.page.PageDates;

/**
 * Recording network meetings and trainings and who attended. Attendees must be members (revoked ones too: a meeting
 * records who came then), as the member directory knows them.
 */
@Service
class MeetingService {

    private final MeetingRepository repository;
    private final MemberDirectory members;
    private final Clock clock;

    MeetingService(MeetingRepository repository, MemberDirectory members, Clock clock) {
        this.repository = repository;
        this.members = members;
        this.clock = clock;
    }

    Flux<Meeting> list() {
        return repository.findAll();
    }

    Mono<Meeting> get(String meetingId) {
        return repository.findById(meetingId)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such meeting.")));
    }

    /** Today in Swedish time: the latest day a meeting may have been held. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PageDates.CITY_TIME);
    }

    /** The request checked against the members there are, or every offending field named. */
    Mono<MeetingDraft> check(MeetingRequest request) {
        return members.all().map(MemberDirectory.MemberSummary::memberId).collect(Collectors.toSet())
                .flatMap(known -> MeetingRequests.check(request, today(), known));
    }

    Mono<Meeting> create(MeetingDraft draft) {
        return create(UUID.randomUUID().toString(), draft);
    }

    /**
     * Records the meeting as {@code meetingId}. The pages pass their form's submission id, so a form sent twice finds
     * the meeting it recorded the first time, and records nothing more.
     */
    Mono<Meeting> create(String meetingId, MeetingDraft draft) {
        return repository.insert(Meeting.recorded(meetingId, draft, clock.instant()))
                .onErrorResume(e -> e instanceof MongoWriteException write
                        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> get(meetingId));
    }

    /**
     * Replaces the meeting with {@code draft}. With {@code expectedVersion}, refused (412) when someone else changed
     * it since that version was read; an edit that changes nothing is no conflict, so it may be sent twice.
     */
    Mono<Meeting> edit(String meetingId, MeetingDraft draft, Long expectedVersion) {
        return get(meetingId).flatMap(current -> {
            Meeting next = current.edited(draft, clock.instant());
            if (next == current) {
                return Mono.just(current);
            }
            if (expectedVersion != null && current.version() != expectedVersion) {
                return Mono.error(changedMeanwhile(HttpStatus.PRECONDITION_FAILED));
            }
            // Another edit landed between the read and the write: this one was made on what that one replaced.
            return repository.update(current, next).flatMap(updated -> updated ? Mono.just(next)
                    : Mono.error(changedMeanwhile(expectedVersion != null ? HttpStatus.PRECONDITION_FAILED
                            : HttpStatus.CONFLICT)));
        });
    }

    /** Emits whether there was such a meeting. */
    Mono<Boolean> delete(String meetingId) {
        return repository.delete(meetingId);
    }

    private static ResponseStatusException changedMeanwhile(HttpStatus status) {
        return new ResponseStatusException(status,
                "The meeting was changed by someone else since you read it; read it again.");
    }
}
