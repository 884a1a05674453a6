package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.figures.FigurePeriod.Granularity;
import se.goteborg.vaksam.network.figures.MemberFigures.Group;
import se.goteborg.vaksam.network.figures.MemberFigures.MemberParticipation;
import se.goteborg.vaksam.network.figures.MemberFigures.Participation;

class FiguresCsvTest {

    @Test
    void tipsAreOneFigureARowWithSmallCountsAsText() {
        Tally tally = new Tally();
        tally.add(TipFact.TIPS, Tally.ALL, 4);
        tally.add(TipFact.CHANNEL, "HOTEL", 3);
        tally.add(TipFact.CHANNEL, "TAXI", 1);
        FigurePeriod period = new FigurePeriod(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-07-01"),
                Granularity.MONTH);
        TipFigures figures = new TipFigures(period.from(), period.to(), "month", FiguresService.tipCounts(tally),
                List.of(new TipFigures.PeriodTips("2026-06", period.from(), period.to(), false,
                        FiguresService.tipCounts(tally))));

        List<String> lines = FiguresCsv.tips(figures).lines().toList();

        assertThat(lines.get(0)).isEqualTo("period,from,to,partial,figure,code,tips");
        assertThat(lines).contains("all,2026-06-01,2026-07-01,false,tips,,4",
                "all,2026-06-01,2026-07-01,false,channel,HOTEL,3",
                "all,2026-06-01,2026-07-01,false,channel,TAXI,< 3",
                "2026-06,2026-06-01,2026-07-01,false,district,CENTRUM,0",
                "2026-06,2026-06-01,2026-07-01,false,indicator,MINOR_WITHOUT_GUARDIAN,0");
        assertThat(lines).hasSize(1 + 2 * (1 + 2 + 7 + 6 + 5 + 3 + 1 + 31));
    }

    @Test
    void whatASpreadsheetWouldRunStaysText() {
        Participation participation = new Participation(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-01"),
                List.of(), List.of(
                member("=HYPERLINK(\"http://evil\",\"x\")"), member("+46 31 00"), member("-1"), member("@SUM(A1)"),
                member("Hotell, \"Göta\"")), new Group(Count.of(0), Count.of(0), null),
                new Group(Count.of(5), Count.of(5), 100));

        List<String> lines = FiguresCsv.participation(participation).lines().toList();

        assertThat(lines.get(0)).isEqualTo("member_id,name,type,district,meetings_attended,reported,tips,from,to");
        assertThat(lines.get(1))
                .startsWith("m,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",HOTEL,CENTRUM,0,true,< 3,");
        assertThat(lines.get(2)).startsWith("m,'+46 31 00,");
        assertThat(lines.get(3)).startsWith("m,'-1,");
        assertThat(lines.get(4)).startsWith("m,'@SUM(A1),");
        assertThat(lines.get(5)).startsWith("m,\"Hotell, \"\"Göta\"\"\",");
        assertThat(FiguresCsv.cell(null)).isEmpty();
        assertThat(FiguresCsv.cell("< 3")).isEqualTo("< 3");
    }

    @Test
    void theParticipationGroupsLeaveAHiddenShareEmpty() {
        Participation participation = new Participation(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-01"),
                List.of(), List.of(), new Group(Count.of(2), Count.of(1), null),
                new Group(Count.of(8), Count.of(4), 50));

        assertThat(FiguresCsv.participationGroups(participation).lines()).containsExactly(
                "group,members,reported,reported_percent,meetings,from,to",
                "attended,< 3,< 3,,0,2026-01-01,2026-04-01",
                "not_attended,8,4,50,0,2026-01-01,2026-04-01");
    }

    private static MemberParticipation member(String name) {
        return new MemberParticipation("m", name, MemberType.HOTEL, "CENTRUM", 0, true, Count.of(1));
    }
}
