package se.goteborg.vaksam.network.member;

import java.time.Instant;

import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;

/** Response bodies of the member API. Key hashes stay inside the service; only their count is shown. */
final class MemberResponses {

    private MemberResponses() {
    }

    record MemberResponse(String memberId, MemberType type, String name, String orgNumber, String district,
                          MemberStatus status, int intakeKeys, Instant createdAt, Instant changedAt) {

        static MemberResponse of(Member member) {
            return new MemberResponse(member.memberId(), member.type(), member.name(), member.orgNumber(),
                    member.district(), member.status(), member.intakeKeyHashes().size(), member.createdAt(),
                    member.changedAt());
        }
    }

    /** The only response that carries an intake key; it is not kept anywhere, so it cannot be shown again. */
    record IssuedKeyResponse(String intakeKey, MemberResponse member) {

        static IssuedKeyResponse of(IssuedKey issued) {
            return new IssuedKeyResponse(issued.intakeKey(), MemberResponse.of(issued.member()));
        }

        @Override
        public String toString() {
            return "IssuedKeyResponse[intakeKey=(hidden), member=" + member.memberId() + "]";
        }
    }
}
