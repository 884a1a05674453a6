package se.goteborg.vaksam.network.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import se.goteborg.vaksam.network.figures.AlertFigures.Minutes;
import se.goteborg.vaksam.network.figures.AlertFigures.RecipientFigures;
import se.goteborg.vaksam.network.figures.FiguresPageHandler.Labels;
import se.goteborg.vaksam.network.figures.MemberFigures.Group;
import se.goteborg.vaksam.network.figures.TipFigures.TipCounts;

/**
 * A quarter's evaluation report: each figure of the quarter beside the previous quarter's and the same quarter's a
 * year before, with the change from each. A change is given only between two figures that are both shown as they
 * are: from or to a suppressed count ({@code "< 3"}) it would tell what the suppression hides.
 *
 * @param ongoing whether the quarter has not ended yet, so its figures are not final
 */
record QuarterReport(Quarter quarter, Quarter previous, Quarter yearBefore, boolean ongoing, Figures figures,
                     List<Section> sections) {

    /** What the report counts of one quarter. */
    record Figures(Quarter quarter, TipFigures tips, AlertFigures alerts, MemberFigures.Participation participation) {
    }

    record Section(String id, String title, List<Row> rows) {
    }

    /** A figure in the three quarters, as shown, and the changes; {@link #NOT_COMPARED} where there is none. */
    record Row(String label, String current, String previous, String changeFromPrevious, String yearBefore,
               String changeFromYearBefore) {
    }

    static final String NOT_COMPARED = "–";

    /** A figure of one quarter: its value, as it is shown, and whether a change from or to it may be given. */
    record Cell(long value, String shown, boolean comparable) {

        static Cell of(Count count) {
            return new Cell(count.suppressed() ? 0 : count.value(), String.valueOf(count.shown()),
                    !count.suppressed());
        }

        static Cell of(Long value, String shown) {
            return value == null ? new Cell(0, shown, false) : new Cell(value, shown, true);
        }
    }

    /** @param compared this quarter's figures, the previous quarter's, and the same quarter's a year before */
    static QuarterReport of(Labels labels, Quarter quarter, Quarter current, List<Figures> compared) {
        List<TipCounts> tips = compared.stream().map(f -> f.tips().total()).toList();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("report-tips", labels.get("figures.report.tips"), List.of(
                row(labels.get("figures.tips"), tips, c -> Cell.of(c.tips())),
                row(labels.get("figures.immediateDanger"), tips, c -> Cell.of(c.immediateDanger())))));
        sections.add(breakdown("report-channel", labels.get("figures.byChannel"), tips, TipCounts::byChannel,
                code -> labels.get("figures.channel." + code), false));
        sections.add(breakdown("report-member-type", labels.get("figures.byMemberType"), tips,
                TipCounts::byMemberType, labels::memberType, false));
        sections.add(breakdown("report-district", labels.get("figures.districtMap"), tips, TipCounts::byDistrict,
                code -> labels.get("district." + code), false));
        sections.add(breakdown("report-exploitation", labels.get("figures.byExploitation"), tips,
                TipCounts::byExploitationType, code -> labels.get("figures.exploitation." + code), false));
        sections.add(breakdown("report-minor", labels.get("figures.bySuspectedMinor"), tips,
                TipCounts::bySuspectedMinor, code -> labels.get("figures.suspectedMinor." + code), false));
        sections.add(breakdown("report-indicator", labels.get("figures.byIndicator"), tips, TipCounts::byIndicator,
                code -> labels.get("figures.indicator." + code), true));
        for (int i = 0; i < compared.get(0).alerts().recipients().size(); i++) {
            int index = i;
            RecipientFigures recipient = compared.get(0).alerts().recipients().get(i);
            sections.add(new Section("report-alerts-" + recipient.recipient().name().toLowerCase(Locale.ROOT),
                    labels.get("figures.report.alertsTo") + " " + labels.get("figures.recipient."
                            + recipient.recipient().name()),
                    alertRows(labels, compared.stream().map(f -> f.alerts().recipients().get(index)).toList())));
        }
        sections.add(new Section("report-participation", labels.get("figures.report.participation"),
                participationRows(labels, compared)));
        return new QuarterReport(quarter, quarter.previous(), quarter.yearBefore(), quarter.equals(current),
                compared.get(0), sections);
    }

    /**
     * A breakdown of the tips, one row a code; {@code onlyUsed}: codes no quarter counted any of are left out (the long
     * list of signs). A code hidden in any quarter ({@code "< 3"}) counts as used, so that whether a row is shown
     * gives nothing away.
     */
    private static Section breakdown(String id, String title, List<TipCounts> counts,
                                     Function<TipCounts, Map<String, Count>> cells, Function<String, String> label,
                                     boolean onlyUsed) {
        List<Row> rows = new ArrayList<>();
        for (String code : cells.apply(counts.get(0)).keySet()) {
            boolean used = counts.stream().anyMatch(c -> {
                Count count = cells.apply(c).get(code);
                return count != null && (count.value() > 0 || count.suppressed());
            });
            if (!onlyUsed || used) {
                rows.add(row(label.apply(code), counts, c -> Cell.of(cells.apply(c).getOrDefault(code, Count.of(0)))));
            }
        }
        return new Section(id, title, rows);
    }

    private static List<Row> alertRows(Labels labels, List<RecipientFigures> recipient) {
        return List.of(
                row(labels.get("figures.alerts"), recipient, r -> Cell.of(r.alerts())),
                row(labels.get("figures.acknowledged"), recipient, r -> Cell.of(r.acknowledged())),
                row(labels.get("figures.escalated"), recipient, r -> Cell.of(r.escalated())),
                row(labels.get("figures.priorityChanged"), recipient, r -> Cell.of(r.priorityChangedByRecipient())),
                row(labels.get("figures.minutesMedian"), recipient, r -> minutes(labels, r, Minutes::median)),
                row(labels.get("figures.minutesP90"), recipient, r -> minutes(labels, r, Minutes::p90)));
    }

    private static Cell minutes(Labels labels, RecipientFigures recipient, Function<Minutes, Long> which) {
        Minutes minutes = recipient.acknowledgedWithinMinutes();
        return minutes == null ? Cell.of(null, labels.get("figures.tooFew"))
                : Cell.of(which.apply(minutes), labels.minutes(which.apply(minutes)));
    }

    private static List<Row> participationRows(Labels labels, List<Figures> compared) {
        List<MemberFigures.Participation> participation = compared.stream().map(Figures::participation).toList();
        return List.of(
                row(labels.get("figures.meetingsHeld"), participation,
                        p -> Cell.of((long) p.meetings().size(), Integer.toString(p.meetings().size()))),
                row(labels.get("figures.attendedMembers"), participation, p -> Cell.of(p.attended().members())),
                row(labels.get("figures.attendedReportedShare"), participation, p -> share(labels, p.attended())),
                row(labels.get("figures.notAttendedMembers"), participation, p -> Cell.of(p.notAttended().members())),
                row(labels.get("figures.notAttendedReportedShare"), participation,
                        p -> share(labels, p.notAttended())));
    }

    private static Cell share(Labels labels, Group group) {
        return group.reportedPercent() == null ? Cell.of(null, NOT_COMPARED)
                : Cell.of((long) group.reportedPercent(), group.reportedPercent() + " %");
    }

    private static <T> Row row(String label, List<T> quarters, Function<T, Cell> cell) {
        Cell current = cell.apply(quarters.get(0));
        Cell previous = cell.apply(quarters.get(1));
        Cell yearBefore = cell.apply(quarters.get(2));
        return new Row(label, current.shown(), previous.shown(), change(current, previous), yearBefore.shown(),
                change(current, yearBefore));
    }

    /** The signed change from {@code before} to {@code now}, or {@link #NOT_COMPARED}. */
    static String change(Cell now, Cell before) {
        if (!now.comparable() || !before.comparable()) {
            return NOT_COMPARED;
        }
        long change = now.value() - before.value();
        return change > 0 ? "+" + change : change < 0 ? "−" + (-change) : "0";
    }
}
