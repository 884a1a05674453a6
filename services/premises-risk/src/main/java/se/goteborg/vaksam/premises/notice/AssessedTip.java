package se.goteborg.vaksam.premises.notice;

import java.time.Instant;
import java.util.List;

import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;

/**
 * A tip whose premises were found in the register (EXACT or PROBABLE), as the assessment stored it: what the notice
 * about those premises takes from it. Nothing here describes a person.
 *
 * @param assessedAt when the tip was assessed; the first one is the notice's date of knowledge
 */
public record AssessedTip(String premisesId, NoticePremises premises, String tipId, String channel,
                          Instant observedAt, Instant assessedAt, MatchLevel match, double confidence,
                          int tipsLast30Days, int tipsLast90Days, RiskLevel riskLevel, List<String> riskReasons) {

    public AssessedTip {
        if (match == MatchLevel.NONE) {
            throw new IllegalArgumentException("Only matched premises have a notice");
        }
        riskReasons = List.copyOf(riskReasons);
    }
}
