package se.goteborg.vaksam.network.bulletin;

import java.time.Instant;
import java.util.Comparator;

import se.goteborg.vaksam.events.member.MemberType;

/**
 * A bulletin's e-mail to one member as coordinators see it: the member by name, how it went, and the reply code or
 * error class of the last failure. Never the address.
 */
record DeliveryView(String memberId, String memberName, MemberType memberType, DeliveryStatus status, int attempts,
                    Integer lastReplyCode, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                    Instant sentAt, Instant failedAt) {

    /** What needs a coordinator's eye first: failures, then members without an address, then the rest, by name. */
    static final Comparator<DeliveryView> PROBLEMS_FIRST = Comparator
            .comparingInt((DeliveryView d) -> switch (d.status()) {
                case FAILED -> 0;
                case NO_ADDRESS -> 1;
                case PENDING -> 2;
                case CANCELLED -> 3;
                case SENT -> 4;
            })
            .thenComparing(DeliveryView::memberName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));

    static DeliveryView of(Delivery delivery, String memberName, MemberType memberType) {
        return new DeliveryView(delivery.memberId(), memberName, memberType, delivery.status(), delivery.attempts(),
                delivery.lastReplyCode(), delivery.lastError(), delivery.lastAttemptAt(),
                delivery.status() == DeliveryStatus.PENDING ? delivery.nextAttemptAt() : null, delivery.sentAt(),
                delivery.failedAt());
    }

    public boolean failed() {
        return status == DeliveryStatus.FAILED;
    }

    public boolean unreachable() {
        return status == DeliveryStatus.NO_ADDRESS;
    }
}
