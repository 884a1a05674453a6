package se.goteborg.vaksam.inbox.alert;

/** What became of an alert's sealed details for the caller. */
enum DetailsState {
    /** The tip had no description or contact. */
    NONE,
    /** There are details; {@code GET /api/v1/alerts/{alertId}} opens them. */
    AVAILABLE,
    /** Opened and included in this response; the opening is in the audit log. */
    OPENED,
    /** There are details, but this recipient's role may not see them. */
    WITHHELD,
    /** There are details, but they could not be opened (wrong key or altered). */
    UNREADABLE
}
