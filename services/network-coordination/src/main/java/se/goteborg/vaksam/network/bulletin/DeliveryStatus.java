package se.goteborg.vaksam.network.bulletin;

/**
 * Where a bulletin's e-mail to one member is: PENDING until it was SENT or the last attempt FAILED; NO_ADDRESS when
 * the member has no e-mail address (not reachable by e-mail); CANCELLED when the bulletin was withdrawn or expired,
 * or the member left the network, before it could be sent.
 */
enum DeliveryStatus {
    PENDING, SENT, FAILED, NO_ADDRESS, CANCELLED;

    /** What a coordinator's retry sends again. */
    boolean retriable() {
        return this == FAILED || this == NO_ADDRESS;
    }
}
