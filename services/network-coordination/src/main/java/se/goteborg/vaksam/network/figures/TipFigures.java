package se.goteborg.vaksam.network.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The tips submitted in a period, by channel, member type, district (of the premises, or the taxi trip's drop-off),
 * exploitation type, suspected minor, immediate danger and indicator; for the whole period and for each week or month
 * of it. Counts only: 1 and 2 are shown as {@code "< 3"}, and in a period of only one or two tips every count of the
 * breakdowns is, zeros too (see {@link Count#inGroupOf}). A tip names several indicators, so those counts add up to
 * more than the tips.
 */
record TipFigures(LocalDate from, LocalDate to, String by, TipCounts total, List<PeriodTips> periods) {

    /** Each map lists every code of its kind, in a fixed order, zeros included. */
    record TipCounts(Count tips, Map<String, Count> byChannel, Map<String, Count> byMemberType,
                     Map<String, Count> byDistrict, Map<String, Count> byExploitationType,
                     Map<String, Count> bySuspectedMinor, Count immediateDanger, Map<String, Count> byIndicator) {
    }

    /** One week or month of the period ({@link FigurePeriod.Bucket}). */
    record PeriodTips(String period, LocalDate from, LocalDate to, boolean partial, TipCounts figures) {
    }
}
