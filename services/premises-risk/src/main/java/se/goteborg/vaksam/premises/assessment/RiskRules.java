package se.goteborg.vaksam.premises.assessment;

import java.util.ArrayList;
import java.util.List;

import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.events.premises.RiskLevel;

/**
 * How much a tip's premises call for attention, with the reasons the lettings group and routing read.
 * <ul>
 * <li>{@code CITY_LET}: the premises are in the city's lettings register (an EXACT or PROBABLE match);
 * {@code PROBABLE_MATCH} besides when the match is only probable.</li>
 * <li>{@code RISK_INDUSTRY}: the city's tenant there works in a risk industry.</li>
 * <li>{@code REPEAT_TIPS_30_DAYS} / {@code REPEAT_TIPS_90_DAYS}: at least the threshold of tips (this one
 * included) about the same premises within the short / long window.</li>
 * <li>{@code REGISTER_UNAVAILABLE}: the register could not be asked in time, so the tip was assessed without a
 * match; the other reasons are then all that is known.</li>
 * </ul>
 * The level is HIGH for city-let premises in a risk industry with repeat tips, ELEVATED for either city-let premises
 * in a risk industry or repeat tips, LOW otherwise. City-let premises outside the risk industries stay LOW: a single
 * tip there still reaches the lettings group, but is not on its own a sign of a place used for selling sex.
 */
final class RiskRules {

    static final String CITY_LET = "CITY_LET";
    static final String PROBABLE_MATCH = "PROBABLE_MATCH";
    static final String RISK_INDUSTRY = "RISK_INDUSTRY";
    static final String REPEAT_TIPS_30_DAYS = "REPEAT_TIPS_30_DAYS";
    static final String REPEAT_TIPS_90_DAYS = "REPEAT_TIPS_90_DAYS";
    static final String REGISTER_UNAVAILABLE = "REGISTER_UNAVAILABLE";

    private final int repeatThreshold;

    RiskRules(int repeatThreshold) {
        if (repeatThreshold < 2) {
            throw new IllegalArgumentException("A repeat takes at least two tips, not " + repeatThreshold);
        }
        this.repeatThreshold = repeatThreshold;
    }

    record Risk(RiskLevel level, List<String> reasons) {
    }

    Risk assess(MatchLevel match, boolean riskIndustry, int tipsShortWindow, int tipsLongWindow,
                boolean registerUnavailable) {
        List<String> reasons = new ArrayList<>();
        boolean cityLet = match == MatchLevel.EXACT || match == MatchLevel.PROBABLE;
        if (cityLet) {
            reasons.add(CITY_LET);
        }
        if (match == MatchLevel.PROBABLE) {
            reasons.add(PROBABLE_MATCH);
        }
        boolean cityLetRiskIndustry = cityLet && riskIndustry;
        if (cityLetRiskIndustry) {
            reasons.add(RISK_INDUSTRY);
        }
        boolean repeatShort = tipsShortWindow >= repeatThreshold;
        boolean repeatLong = tipsLongWindow >= repeatThreshold;
        if (repeatShort) {
            reasons.add(REPEAT_TIPS_30_DAYS);
        }
        if (repeatLong) {
            reasons.add(REPEAT_TIPS_90_DAYS);
        }
        if (registerUnavailable) {
            reasons.add(REGISTER_UNAVAILABLE);
        }
        boolean repeat = repeatShort || repeatLong;
        RiskLevel level = cityLetRiskIndustry && repeat ? RiskLevel.HIGH
                : cityLetRiskIndustry || repeat ? RiskLevel.ELEVATED
                : RiskLevel.LOW;
        return new Risk(level, List.copyOf(reasons));
    }
}
