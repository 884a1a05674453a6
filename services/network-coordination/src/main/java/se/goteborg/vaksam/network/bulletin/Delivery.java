package se.goteborg.vaksam.network.bulletin;

import java.time.Instant;

/**
 * A bulletin's e-mail to one member: one per bulletin and member, whatever happens, so it is sent at most once. The
 * member's address is not kept: it is read from the member when the e-mail is sent.
 *
 * @param lastReplyCode the SMTP server's reply code when it refused the last attempt
 * @param lastError     the class of the error that ended the last attempt otherwise; never a message, which may
 *                      hold the address
 */
record Delivery(String deliveryId, String bulletinId, String memberId, DeliveryStatus status, int attempts,
                Integer lastReplyCode, String lastError, Instant createdAt, Instant lastAttemptAt,
                Instant nextAttemptAt, Instant sentAt, Instant failedAt) {

    /** A new delivery, due at once. */
    static Delivery queued(String bulletinId, String memberId, Instant now) {
        return new Delivery(deliveryId(bulletinId, memberId), bulletinId, memberId, DeliveryStatus.PENDING, 0, null,
                null, now, null, now, null, null);
    }

    static String deliveryId(String bulletinId, String memberId) {
        return bulletinId + ":" + memberId;
    }

    boolean due(Instant now) {
        return status == DeliveryStatus.PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }
}
