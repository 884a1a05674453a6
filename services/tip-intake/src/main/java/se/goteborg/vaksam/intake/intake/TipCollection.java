package se.goteborg.vaksam.intake.intake;

/**
 * The {@value #NAME} collection: one document per tip holding its routing facts, sealed details, receipt code,
 * the progress of its alerts and follow-up messages, and the outbox of its events. Other features read it by these names.
 */
public final class TipCollection {

    public static final String NAME = "tips";
    public static final String RECEIPT_CODE = "receiptCode";

    private TipCollection() {
    }
}
