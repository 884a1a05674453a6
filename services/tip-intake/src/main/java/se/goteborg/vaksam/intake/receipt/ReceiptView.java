package se.goteborg.vaksam.intake.receipt;

import java.util.List;

import se.goteborg.vaksam.intake.intake.TipStatus;

/**
 * What the holder of a receipt code may know about their tip: its status, the outcome codes once it is closed, and
 * the follow-up questions and their own answers, opened. Never who received the tip or what they did beyond that.
 */
public record ReceiptView(String receiptCode, TipStatus status, List<String> outcomes, List<ReceiptMessage> messages) {

    public ReceiptView {
        outcomes = List.copyOf(outcomes);
        messages = List.copyOf(messages);
    }
}
