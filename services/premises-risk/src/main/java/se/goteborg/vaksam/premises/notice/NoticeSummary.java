package se.goteborg.vaksam.premises.notice;

import java.time.Instant;

/** A notice as the list of flagged premises shows it. */
public record NoticeSummary(String premisesId, String streetAddress, String postalCode, String city, String landlord,
                            String category, boolean riskIndustry, String match, Instant knownSince, int tipCount,
                            int tipsLast30Days, int tipsLast90Days, Instant lastTipAt, String riskLevel,
                            NoticeStatus status, NoticeAction lastAction) {
}
