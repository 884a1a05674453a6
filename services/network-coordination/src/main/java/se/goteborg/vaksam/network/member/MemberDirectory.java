package se.goteborg.vaksam.network.member;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;

/**
 * What the service's other features (figures, bulletins, meetings) may read of the members: who they are as
 * organisations and where the network reaches them. Never their keys.
 */
@Component
public class MemberDirectory {

    private final MemberRepository members;

    MemberDirectory(MemberRepository members) {
        this.members = members;
    }

    /** Every member ever enrolled, revoked ones too, by name. */
    public Flux<MemberSummary> all() {
        return members.findAll().map(MemberDirectory::summary);
    }

    public Mono<MemberSummary> find(String memberId) {
        return members.findById(memberId).map(MemberDirectory::summary);
    }

    /**
     * @param district a {@link se.goteborg.vaksam.network.district.District} code, or null when neither given nor
     *                 derivable from the address
     * @param contactEmail where bulletins to the member go; null when the member has none
     */
    public record MemberSummary(String memberId, MemberType type, String name, String district, MemberStatus status,
                                LocalDate joinedOn, String contactName, String contactEmail) {
    }

    private static MemberSummary summary(Member member) {
        MemberProfile.Contact contact = member.profile().contact();
        return new MemberSummary(member.memberId(), member.type(), member.name(), member.district(), member.status(),
                member.joinedOn(), contact == null ? null : contact.name(), contact == null ? null : contact.email());
    }
}
