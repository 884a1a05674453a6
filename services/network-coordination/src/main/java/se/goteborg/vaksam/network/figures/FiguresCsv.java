package se.goteborg.vaksam.network.figures;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;

import se.goteborg.vaksam.network.figures.AlertFigures.RecipientFigures;
import se.goteborg.vaksam.network.figures.MemberFigures.NotReporting;
import se.goteborg.vaksam.network.figures.MemberFigures.Participation;
import se.goteborg.vaksam.network.figures.TipFigures.TipCounts;

/**
 * Every figure as CSV (RFC 4180, UTF-8, a header row), for spreadsheets: counts shown as the API shows them, so
 * {@code < 3} stays text, and any cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -},
 * {@code @} first, as a member's or a meeting's name might be) starts with an apostrophe.
 */
final class FiguresCsv {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** The period column of the rows that count the whole period. */
    static final String WHOLE_PERIOD = "all";

    private FiguresCsv() {
    }

    /** One figure a row: {@code period, from, to, partial, figure, code, tips}. */
    static String tips(TipFigures figures) {
        List<List<?>> rows = new ArrayList<>();
        tipRows(rows, List.of(WHOLE_PERIOD, figures.from(), figures.to(), false), figures.total());
        figures.periods().forEach(period -> tipRows(rows,
                List.of(period.period(), period.from(), period.to(), period.partial()), period.figures()));
        return write(List.of("period", "from", "to", "partial", "figure", "code", "tips"), rows);
    }

    private static void tipRows(List<List<?>> rows, List<?> period, TipCounts counts) {
        rows.add(row(period, "tips", "", counts.tips()));
        cells(rows, period, "channel", counts.byChannel());
        cells(rows, period, "member_type", counts.byMemberType());
        cells(rows, period, "district", counts.byDistrict());
        cells(rows, period, "exploitation_type", counts.byExploitationType());
        cells(rows, period, "suspected_minor", counts.bySuspectedMinor());
        rows.add(row(period, "immediate_danger", "", counts.immediateDanger()));
        cells(rows, period, "indicator", counts.byIndicator());
    }

    /** One figure of one recipient a row: {@code period, from, to, partial, recipient, figure, code, value}. */
    static String alerts(AlertFigures figures) {
        List<List<?>> rows = new ArrayList<>();
        figures.recipients().forEach(recipient -> alertRows(rows,
                List.of(WHOLE_PERIOD, figures.from(), figures.to(), false), recipient));
        figures.periods().forEach(period -> period.recipients().forEach(recipient -> alertRows(rows,
                List.of(period.period(), period.from(), period.to(), period.partial()), recipient)));
        return write(List.of("period", "from", "to", "partial", "recipient", "figure", "code", "value"), rows);
    }

    private static void alertRows(List<List<?>> rows, List<?> period, RecipientFigures figures) {
        List<Object> prefix = new ArrayList<>(period);
        prefix.add(figures.recipient().name());
        rows.add(row(prefix, "alerts", "", figures.alerts()));
        figures.byPriority().forEach((priority, n) -> rows.add(row(prefix, "priority", priority.name(), n)));
        rows.add(row(prefix, "acknowledged", "", figures.acknowledged()));
        rows.add(row(prefix, "not_acknowledged", "", figures.notAcknowledged()));
        rows.add(row(prefix, "escalated", "", figures.escalated()));
        rows.add(row(prefix, "priority_changed_by_recipient", "", figures.priorityChangedByRecipient()));
        figures.outcomes().forEach((outcome, n) -> rows.add(row(prefix, "outcome", outcome, n)));
        AlertFigures.Minutes minutes = figures.acknowledgedWithinMinutes();
        rows.add(row(prefix, "minutes_to_acknowledge_median", "", minutes == null ? "" : minutes.median()));
        rows.add(row(prefix, "minutes_to_acknowledge_p90", "", minutes == null ? "" : minutes.p90()));
    }

    static String notReporting(NotReporting figures) {
        return write(List.of("member_id", "name", "type", "district", "joined_on", "last_reported_on", "state",
                "as_of"), figures.members().stream().<List<?>>map(member -> Arrays.asList(member.memberId(),
                member.name(), member.type(), member.district(), member.joinedOn(), member.lastReportedOn(),
                member.state(), figures.asOf())).toList());
    }

    static String participation(Participation figures) {
        return write(List.of("member_id", "name", "type", "district", "meetings_attended", "reported", "tips", "from",
                "to"), figures.members().stream().<List<?>>map(member -> Arrays.asList(member.memberId(),
                member.name(), member.type(), member.district(), member.meetingsAttended(), member.reported(),
                member.tips(), figures.from(), figures.to())).toList());
    }

    static String participationGroups(Participation figures) {
        return write(List.of("group", "members", "reported", "reported_percent", "meetings", "from", "to"), List.of(
                Arrays.asList("attended", figures.attended().members(), figures.attended().reported(),
                        figures.attended().reportedPercent(), figures.meetings().size(), figures.from(), figures.to()),
                Arrays.asList("not_attended", figures.notAttended().members(), figures.notAttended().reported(),
                        figures.notAttended().reportedPercent(), figures.meetings().size(), figures.from(),
                        figures.to())));
    }

    static String meetings(Participation figures) {
        return write(List.of("meeting_id", "kind", "title", "held_on", "attendees"), figures.meetings().stream()
                .<List<?>>map(meeting -> Arrays.asList(meeting.meetingId(), meeting.kind(), meeting.title(),
                        meeting.heldOn(), meeting.attendees())).toList());
    }

    /** The file name a download is saved under, e.g. {@code vaksam-tips-2026-01-01-2027-01-01.csv}. */
    static String filename(String figure, LocalDate from, LocalDate to) {
        return "vaksam-" + figure + "-" + from + "-" + to + ".csv";
    }

    private static void cells(List<List<?>> rows, List<?> period, String figure, Map<String, Count> counts) {
        counts.forEach((code, n) -> rows.add(row(period, figure, code, n)));
    }

    private static List<?> row(List<?> prefix, String figure, String code, Object value) {
        List<Object> row = new ArrayList<>(prefix);
        row.add(figure);
        row.add(code);
        row.add(value);
        return row;
    }

    static String write(List<String> header, List<List<?>> rows) {
        try (StringWriter out = new StringWriter(); CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (List<?> row : rows) {
                csv.printRecord(row.stream().map(FiguresCsv::cell).toList());
            }
            csv.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as text: nothing for none, a count as shown, and text a spreadsheet would run kept as text. */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
