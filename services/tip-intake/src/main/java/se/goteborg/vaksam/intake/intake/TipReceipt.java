package se.goteborg.vaksam.intake.intake;

/** The answer to an accepted tip: {@code 201 {"tipId","receiptCode","status"}}. */
record TipReceipt(String tipId, String receiptCode, TipStatus status) {
}
