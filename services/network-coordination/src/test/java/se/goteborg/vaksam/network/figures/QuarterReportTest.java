package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import se.goteborg.vaksam.network.figures.FiguresPageHandler.Labels;
import se.goteborg.vaksam.network.figures.MemberFigures.Group;
import se.goteborg.vaksam.network.figures.MemberFigures.Participation;
import se.goteborg.vaksam.network.figures.QuarterReport.Cell;
import se.goteborg.vaksam.network.figures.QuarterReport.Row;

class QuarterReportTest {

    @Test
    void aChangeIsGivenOnlyBetweenFiguresThatAreBothShownAsTheyAre() {
        assertThat(QuarterReport.change(Cell.of(Count.of(5)), Cell.of(Count.of(3)))).isEqualTo("+2");
        assertThat(QuarterReport.change(Cell.of(Count.of(3)), Cell.of(Count.of(7)))).isEqualTo("−4");
        assertThat(QuarterReport.change(Cell.of(Count.of(0)), Cell.of(Count.of(0)))).isEqualTo("0");
        assertThat(QuarterReport.change(Cell.of(Count.of(5)), Cell.of(Count.of(2)))).isEqualTo("–");
        assertThat(QuarterReport.change(Cell.of(Count.of(1)), Cell.of(Count.of(0)))).isEqualTo("–");
        assertThat(QuarterReport.change(Cell.of(null, "too few"), Cell.of(12L, "12 min"))).isEqualTo("–");
        assertThat(Cell.of(Count.of(2)).value()).as("a hidden count keeps no value").isZero();
    }

    @Test
    void theReportSetsEachFigureBesideThePreviousQuarterAndTheYearBefore() {
        Quarter quarter = new Quarter(2026, 2);
        QuarterReport report = QuarterReport.of(new Labels(new StaticMessageSource(), Locale.ENGLISH), quarter,
                new Quarter(2026, 4), List.of(figures(quarter, 9, 1), figures(quarter.previous(), 2, 0),
                        figures(quarter.yearBefore(), 4, 1)));

        assertThat(report.ongoing()).isFalse();
        assertThat(report.sections()).extracting(QuarterReport.Section::id).containsExactly("report-tips",
                "report-channel", "report-member-type", "report-district", "report-exploitation", "report-minor",
                "report-indicator", "report-alerts-police", "report-alerts-mikamottagningen",
                "report-alerts-social_services_children", "report-alerts-region_coordinators",
                "report-alerts-lettings_group", "report-participation");
        Row tips = report.sections().get(0).rows().get(0);
        assertThat(tips).isEqualTo(new Row("figures.tips", "9", "< 3", "–", "4", "+5"));
        assertThat(section(report, "report-indicator")).extracting(Row::label)
                .as("a quarter of two tips hides every sign, so whether it named one must not show")
                .contains("figures.indicator.MINOR_WITHOUT_GUARDIAN");
        assertThat(section(report, "report-district")).extracting(Row::label).hasSize(6).contains("district.CENTRUM");
        Row meetings = section(report, "report-participation").get(0);
        assertThat(meetings).isEqualTo(new Row("figures.meetingsHeld", "1", "0", "+1", "1", "0"));
    }

    @Test
    void signsThatNoQuarterCountedAreLeftOut() {
        Quarter quarter = new Quarter(2026, 2);
        QuarterReport report = QuarterReport.of(new Labels(new StaticMessageSource(), Locale.ENGLISH), quarter,
                quarter, List.of(figures(quarter, 9, 1), figures(quarter.previous(), 3, 0),
                        figures(quarter.yearBefore(), 4, 1)));

        assertThat(report.ongoing()).isTrue();
        assertThat(section(report, "report-indicator")).extracting(Row::label)
                .contains("figures.indicator.SHORT_OR_HOURLY_STAY")
                .doesNotContain("figures.indicator.MINOR_WITHOUT_GUARDIAN");
        assertThat(section(report, "report-district")).extracting(Row::label).contains("district.NORDOST");
    }

    private static List<Row> section(QuarterReport report, String id) {
        return report.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().rows();
    }

    private static QuarterReport.Figures figures(Quarter quarter, int tips, int meetings) {
        Tally tally = new Tally();
        tally.add(TipFact.TIPS, Tally.ALL, tips);
        tally.add(TipFact.DISTRICT, "CENTRUM", tips);
        tally.add(TipFact.INDICATOR, "SHORT_OR_HOURLY_STAY", tips);
        LocalDate from = quarter.firstDay();
        LocalDate to = from.plusMonths(3);
        List<MemberFigures.MeetingHeld> held = meetings == 0 ? List.of()
                : List.of(new MemberFigures.MeetingHeld("m", se.goteborg.vaksam.network.meeting.MeetingKind.MEETING,
                "Möte", from.plusDays(10), Count.of(4)));
        return new QuarterReport.Figures(quarter,
                new TipFigures(from, to, "month", FiguresService.tipCounts(tally), List.of()),
                new AlertFigures(from, to, "month", FiguresService.recipients(new Tally()), List.of()),
                new Participation(from, to, held, List.of(), new Group(Count.of(4), Count.of(3), 75),
                        new Group(Count.of(0), Count.of(0), null)));
    }
}
