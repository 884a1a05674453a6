package se.goteborg.vaksam.network.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;

/**
 * A member organisation as network-coordination keeps it. Only hashes of intake keys are held; the keys themselves
 * are shown once, when issued. {@code version} guards read-modify-write changes against concurrent ones.
 */
record Member(String memberId, MemberProfile profile, MemberStatus status, List<String> intakeKeyHashes,
              Instant createdAt, Instant changedAt, long version) {

    Member {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        intakeKeyHashes = List.copyOf(intakeKeyHashes);
    }

    static Member enrolled(String memberId, MemberProfile profile, String intakeKeyHash, Instant now) {
        return new Member(memberId, profile, MemberStatus.ACTIVE, List.of(intakeKeyHash), now, now, 0);
    }

    // The shortcuts to the profile are public for the page templates, whose expressions see public methods only.
    public MemberType type() {
        return profile.type();
    }

    public String name() {
        return profile.name();
    }

    public String district() {
        return profile.district() == null ? null : profile.district().name();
    }

    public LocalDate joinedOn() {
        return profile.joinedOn();
    }

    /** Revoking is final and leaves no valid key, so a leaked key is worthless even if the status were misread. */
    Member revoked(Instant now) {
        if (status == MemberStatus.REVOKED) {
            return this;
        }
        return next(profile, MemberStatus.REVOKED, List.of(), now);
    }

    Member suspended(Instant now) {
        requireNotRevoked();
        return status == MemberStatus.SUSPENDED ? this : next(profile, MemberStatus.SUSPENDED, intakeKeyHashes, now);
    }

    Member activated(Instant now) {
        requireNotRevoked();
        return status == MemberStatus.ACTIVE ? this : next(profile, MemberStatus.ACTIVE, intakeKeyHashes, now);
    }

    /** The new key replaces every earlier one at once: rotation usually follows a suspected leak. */
    Member withOnlyKey(String intakeKeyHash, Instant now) {
        requireNotRevoked();
        return next(profile, status, List.of(intakeKeyHash), now);
    }

    /** The organisation's details as edited; a revoked member's record stays as it was when revoked. */
    Member edited(MemberProfile edited, Instant now) {
        requireNotRevoked();
        return profile.equals(edited) ? this : next(edited, status, intakeKeyHashes, now);
    }

    /** The state that demo seeding compares, without bookkeeping. */
    boolean sameStateAs(Member other) {
        return profile.equals(other.profile) && status == other.status
                && intakeKeyHashes.equals(other.intakeKeyHashes);
    }

    Member withStateOf(Member desired, Instant now) {
        return new Member(memberId, desired.profile, desired.status, desired.intakeKeyHashes, createdAt, now,
                version + 1);
    }

    private Member next(MemberProfile newProfile, MemberStatus newStatus, List<String> hashes, Instant now) {
        return new Member(memberId, newProfile, newStatus, hashes, createdAt, now, version + 1);
    }

    private void requireNotRevoked() {
        if (status == MemberStatus.REVOKED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The member is revoked; enrol it again instead.");
        }
    }
}
