package se.goteborg.vaksam.inbox.webhook;

/** PENDING until a receiver answered 2xx (DELIVERED) or the last attempt failed (FAILED); CANCELLED by deletion. */
enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, CANCELLED
}
