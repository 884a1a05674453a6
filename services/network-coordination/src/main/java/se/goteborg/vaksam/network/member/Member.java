package se.goteborg.vaksam.network.member;

import java.time.Instant;
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
record Member(String memberId, MemberType type, String name, String orgNumber, String district, MemberStatus status,
              List<String> intakeKeyHashes, Instant createdAt, Instant changedAt, long version) {

    Member {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        intakeKeyHashes = List.copyOf(intakeKeyHashes);
    }

    static Member enrolled(String memberId, MemberType type, String name, String orgNumber, String district,
                           String intakeKeyHash, Instant now) {
        return new Member(memberId, type, name, orgNumber, district, MemberStatus.ACTIVE, List.of(intakeKeyHash),
                now, now, 0);
    }

    /** Revoking is final and leaves no valid key, so a leaked key is worthless even if the status were misread. */
    Member revoked(Instant now) {
        if (status == MemberStatus.REVOKED) {
            return this;
        }
        return next(MemberStatus.REVOKED, List.of(), now);
    }

    Member suspended(Instant now) {
        requireNotRevoked();
        return status == MemberStatus.SUSPENDED ? this : next(MemberStatus.SUSPENDED, intakeKeyHashes, now);
    }

    Member activated(Instant now) {
        requireNotRevoked();
        return status == MemberStatus.ACTIVE ? this : next(MemberStatus.ACTIVE, intakeKeyHashes, now);
    }

    /** The new key replaces every earlier one at once: rotation usually follows a suspected leak. */
    Member withOnlyKey(String intakeKeyHash, Instant now) {
        requireNotRevoked();
        return next(status, List.of(intakeKeyHash), now);
    }

    /** The state that travels on the member topic and that demo seeding compares, without bookkeeping. */
    boolean sameStateAs(Member other) {
        return type == other.type && name.equals(other.name) && Objects.equals(orgNumber, other.orgNumber)
                && Objects.equals(district, other.district) && status == other.status
                && intakeKeyHashes.equals(other.intakeKeyHashes);
    }

    Member withStateOf(Member desired, Instant now) {
        return new Member(memberId, desired.type, desired.name, desired.orgNumber, desired.district, desired.status,
                desired.intakeKeyHashes, createdAt, now, version + 1);
    }

    private Member next(MemberStatus newStatus, List<String> hashes, Instant now) {
        return new Member(memberId, type, name, orgNumber, district, newStatus, hashes, createdAt, now, version + 1);
    }

    private void requireNotRevoked() {
        if (status == MemberStatus.REVOKED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The member is revoked; enrol it again instead.");
        }
    }
}
