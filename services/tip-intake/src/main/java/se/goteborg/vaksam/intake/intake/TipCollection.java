package se.goteborg.vaksam.intake.intake;

/**
 * The {@value #NAME} collection: one document per tip holding its routing facts, sealed details, receipt code,
 * status and the outbox of its events. Other features read it by these names.
 */
public final class TipCollection {

    public static final String NAME = "tips";
    public static final String RECEIPT_CODE = "receiptCode";
    public static final String STATUS = "status";

    private TipCollection() {
    }
}
