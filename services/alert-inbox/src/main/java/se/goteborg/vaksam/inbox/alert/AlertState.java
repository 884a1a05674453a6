package se.goteborg.vaksam.inbox.alert;

/** Where an alert is in its recipient's inbox. */
enum AlertState {
    NEW, ACKNOWLEDGED, CLOSED
}
