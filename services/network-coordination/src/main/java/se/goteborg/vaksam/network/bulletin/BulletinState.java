package se.goteborg.vaksam.network.bulletin;

/**
 * Where a bulletin is in its life. SCHEDULED and CANCELLED never leave this service; PUBLISHED and WITHDRAWN are
 * what the bulletin topic carries. A published bulletin whose expiry has passed is still PUBLISHED: members stop
 * seeing it by its expiry, so nothing needs to be announced then.
 */
enum BulletinState {
    SCHEDULED, PUBLISHED, WITHDRAWN, CANCELLED
}
