package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import se.goteborg.vaksam.network.figures.FigurePeriod.Bucket;
import se.goteborg.vaksam.network.figures.FigurePeriod.Granularity;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.FieldProblems;

class FigurePeriodTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    @Test
    void withoutParametersTheFiguresCoverThisMonthAndTheElevenBeforeByMonth() {
        FigurePeriod period = check(query()).period();

        assertThat(period).isEqualTo(new FigurePeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-08"),
                Granularity.MONTH));
        List<Bucket> buckets = period.buckets();
        assertThat(buckets).hasSize(12);
        assertThat(buckets.get(0)).isEqualTo(new Bucket("2026-01", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-02-01"), false));
        assertThat(buckets.get(11)).as("today's month so far")
                .isEqualTo(new Bucket("2026-12", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-08"), true));
    }

    @Test
    void onlyAnEndGivesTheTwelveMonthsBeforeIt() {
        assertThat(check(query("to", "2026-07-01")).period().from()).isEqualTo(LocalDate.parse("2025-07-01"));
    }

    @Test
    void weeksAreIsoWeeksCutToThePeriodAcrossTheTurnOfTheYear() {
        FigurePeriod period = check(query("from", "2026-12-24", "to", "2027-01-06", "by", "WEEK")).period();

        assertThat(period.by()).isEqualTo(Granularity.WEEK);
        assertThat(period.buckets()).containsExactly(
                new Bucket("2026-W52", LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-28"), true),
                new Bucket("2026-W53", LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-04"), false),
                new Bucket("2027-W01", LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-06"), true));
        assertThat(period.days()).hasSize(13).startsWith(LocalDate.parse("2026-12-24"))
                .endsWith(LocalDate.parse("2027-01-05"));
    }

    @Test
    void everyParameterAtFaultIsNamed() {
        assertThat(check(query("from", "2026-13-01", "to", "yesterday", "by", "day")).problems())
                .extracting(FieldProblem::field).containsExactly("to", "from", "by");
        assertThat(check(query("from", "2026-06-02", "to", "2026-06-02")).problems())
                .extracting(FieldProblem::field).containsExactly("to");
        assertThat(check(query("from", "2023-01-01", "to", "2026-06-02")).problems())
                .extracting(FieldProblem::field).containsExactly("from");
        assertThat(check(query("from", "2023-06-01", "to", "2026-06-02")).problems()).isEmpty();
    }

    record Checked(FigurePeriod period, List<FieldProblem> problems) {
    }

    private static Checked check(MultiValueMap<String, String> query) {
        FieldProblems problems = new FieldProblems();
        FigurePeriod period = FigurePeriod.check(query, TODAY, problems);
        return new Checked(period, problems.asList());
    }

    private static MultiValueMap<String, String> query(String... pairs) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(pairs[i], pairs[i + 1]);
        }
        return query;
    }
}
