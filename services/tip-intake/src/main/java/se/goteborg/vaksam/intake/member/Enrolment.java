package se.goteborg.vaksam.intake.member;

import java.time.Duration;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberType;

/**
 * Enrolled devices: a device opened its organisation's enrolment link once and carries a signed cookie from then
 * on. The cookie is only a claim; every use checks the members projection again, so a revoked member or a replaced
 * key locks the device out at once.
 */
@Service
public class Enrolment {

    public static final Duration COOKIE_MAX_AGE = MemberCookies.MAX_AGE;

    private final MemberRepository members;
    private final MemberCookies cookies;

    Enrolment(MemberRepository members, MemberCookies cookies) {
        this.members = members;
        this.cookies = cookies;
    }

    /**
     * A member whose key or cookie was accepted just now. {@code name} may be null for old projection states,
     * {@code district} (the member's district code, which bulletins are aimed at) for a member without one.
     */
    public record EnrolledMember(String memberId, String name, MemberType type, String district) {

        /** Taxi firms report trips; every other kind of member reports from premises. */
        public boolean reportsTrips() {
            return type == MemberType.TAXI;
        }
    }

    /** The active member holding this key; empty for an unknown, suspended or revoked one alike. */
    public Mono<EnrolledMember> byKey(String memberKey) {
        if (memberKey == null || memberKey.isBlank() || memberKey.length() > 256) {
            return Mono.empty();
        }
        return active(MemberKeys.hash(memberKey));
    }

    /** A device just enrolled: the signed value for its cookie, and for whom. */
    public record Enrolled(String cookieValue, EnrolledMember member) {

        @Override
        public String toString() {
            return "Enrolled[" + member.memberId() + "]";
        }
    }

    /** Enrols a device with this key, or empty when the key is not one of an active member. */
    public Mono<Enrolled> enrol(String memberKey) {
        if (memberKey == null || memberKey.isBlank() || memberKey.length() > 256) {
            return Mono.empty();
        }
        String keyHash = MemberKeys.hash(memberKey);
        return active(keyHash).map(member -> new Enrolled(cookies.issue(member.memberId(), keyHash), member));
    }

    /** The member a cookie was signed for, while that member is active and still holds the key it was enrolled with. */
    public Mono<EnrolledMember> byCookie(String cookieValue) {
        return Mono.justOrEmpty(cookies.verify(cookieValue))
                .flatMap(claim -> members.find(claim.memberId())
                        .filter(member -> member.isActiveWith(claim.keyHash())))
                .map(Enrolment::enrolled);
    }

    private Mono<EnrolledMember> active(String keyHash) {
        return members.activeMemberId(keyHash)
                .flatMap(members::find)
                .filter(member -> member.isActiveWith(keyHash))
                .map(Enrolment::enrolled);
    }

    private static EnrolledMember enrolled(MemberRepository.Member member) {
        return new EnrolledMember(member.id(), member.name(), member.type(), member.district());
    }
}
