package se.goteborg.vaksam.network.member;

import java.time.Instant;
import java.time.LocalDate;

import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.member.MemberProfile.Address;
import se.goteborg.vaksam.network.member.MemberProfile.Contact;

/** Response bodies of the member API. Key hashes stay inside the service; only their count is shown. */
final class MemberResponses {

    private MemberResponses() {
    }

    /** {@code version} is what an edit sends back as {@code If-Match}, so that it cannot undo a change unseen. */
    record MemberResponse(String memberId, MemberType type, String name, String orgNumber, Address address,
                          String district, Contact contact, LocalDate joinedOn, MemberStatus status, int intakeKeys,
                          Instant createdAt, Instant changedAt, long version) {

        static MemberResponse of(Member member) {
            MemberProfile profile = member.profile();
            return new MemberResponse(member.memberId(), profile.type(), profile.name(), profile.orgNumber(),
                    profile.address(), member.district(), profile.contact(), profile.joinedOn(), member.status(),
                    member.intakeKeyHashes().size(), member.createdAt(), member.changedAt(), member.version());
        }
    }

    /**
     * The only response that carries an intake key and its enrolment link; neither is kept anywhere, so they cannot
     * be shown again.
     */
    record IssuedKeyResponse(String intakeKey, String enrolmentUrl, MemberResponse member) {

        static IssuedKeyResponse of(IssuedKey issued, EnrolmentLinks links) {
            return new IssuedKeyResponse(issued.intakeKey(), links.url(issued.intakeKey()),
                    MemberResponse.of(issued.member()));
        }

        @Override
        public String toString() {
            return "IssuedKeyResponse[intakeKey=(hidden), member=" + member.memberId() + "]";
        }
    }
}
