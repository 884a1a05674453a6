package se.goteborg.vaksam.premises.notice;

import java.time.Instant;
import java.util.List;

/**
 * The landlord's notice about city-let premises: the register's facts, the tips that concerned them (newest first)
 * and the actions recorded (newest first). {@code knownSince} is when the first tip about the premises was assessed,
 * the day the landlord's duty to act begins; it never changes. The figures ({@code tipsLast30Days},
 * {@code tipsLast90Days}, {@code riskLevel}, {@code riskReasons}) are those of the assessment of the newest tip, and
 * {@code match} is the surest match of any tip.
 */
public record Notice(String premisesId, String propertyDesignation, String streetAddress, String postalCode,
                     String city, String landlord, String category, String industryCode, boolean riskIndustry,
                     String match, Instant knownSince, int tipCount, int tipsLast30Days, int tipsLast90Days,
                     Instant lastTipAt, String riskLevel, List<String> riskReasons, NoticeStatus status,
                     NoticeAction lastAction, List<NoticeTip> tips, List<NoticeAction> actions) {

    public NoticeSummary summary() {
        return new NoticeSummary(premisesId, streetAddress, postalCode, city, landlord, category, riskIndustry, match,
                knownSince, tipCount, tipsLast30Days, tipsLast90Days, lastTipAt, riskLevel, status, lastAction);
    }
}
