package se.goteborg.vaksam.network.bulletin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;

/** Response bodies of the bulletin API. */
final class BulletinResponses {

    private BulletinResponses() {
    }

    /**
     * {@code status} is the bulletin's state; {@code expired} says a published one is past its expiry.
     * {@code recipients} counts the members it was published to; {@code version} is what an edit sends back as
     * {@code If-Match}.
     */
    record BulletinResponse(String bulletinId, BulletinState status, boolean expired, String titleSv, String titleEn,
                            String bodySv, String bodyEn, Set<MemberType> memberTypes, Set<District> districts,
                            Instant publishAt, Instant expiresAt, int recipients, Instant createdAt,
                            Instant changedAt, Instant publishedAt, Instant withdrawnAt, Instant cancelledAt,
                            long version) {

        static BulletinResponse of(Bulletin bulletin, Instant now) {
            BulletinText text = bulletin.text();
            return new BulletinResponse(bulletin.bulletinId(), bulletin.state(), bulletin.expired(now),
                    text.titleSv(), text.titleEn(), text.bodySv(), text.bodyEn(), bulletin.targets().memberTypes(),
                    bulletin.targets().districts(), bulletin.publishAt(), bulletin.expiresAt(),
                    bulletin.recipients().size(), bulletin.createdAt(), bulletin.changedAt(), bulletin.publishedAt(),
                    bulletin.withdrawnAt(), bulletin.cancelledAt(), bulletin.version());
        }
    }

    /** The bulletin with how many e-mails are in each status and each recipient's e-mail, problems first. */
    record BulletinDetailResponse(@JsonUnwrapped BulletinResponse bulletin, Map<String, Long> deliveryCounts,
                                  List<DeliveryView> deliveries) {

        static BulletinDetailResponse of(BulletinDetail detail, Instant now) {
            return new BulletinDetailResponse(BulletinResponse.of(detail.bulletin(), now), detail.counts(),
                    detail.deliveries());
        }
    }

    record RetryResponse(long requeued) {
    }
}
