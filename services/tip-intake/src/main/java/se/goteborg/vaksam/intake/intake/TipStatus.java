package se.goteborg.vaksam.intake.intake;

/** Where a tip stands, as its receipt shows it: received, sent on to recipients, acknowledged by one, closed. */
public enum TipStatus {
    RECEIVED, FORWARDED, ACKNOWLEDGED, CLOSED
}
