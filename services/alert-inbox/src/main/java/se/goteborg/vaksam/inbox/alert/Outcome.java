package se.goteborg.vaksam.inbox.alert;

/** What the recipient made of an alert when closing it. */
enum Outcome {
    /** The recipient acted on it (intervention, outreach, investigation). */
    ACTED,
    /** Handed to another authority or organisation. */
    PASSED_ON,
    /** Too little to go on. */
    INSUFFICIENT,
    /** Looked at; nothing to do. */
    NO_ACTION,
    /** Closed without one of the outcomes above. */
    CLOSED
}
