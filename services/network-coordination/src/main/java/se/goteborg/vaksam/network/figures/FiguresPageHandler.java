package se.goteborg.vaksam.network.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.network.figures.AlertFigures.RecipientFigures;
import se.goteborg.vaksam.network.figures.Charts.Chart;
import se.goteborg.vaksam.network.figures.Charts.Item;
import se.goteborg.vaksam.network.figures.MemberFigures.NotReporting;
import se.goteborg.vaksam.network.figures.MemberFigures.Participation;
import se.goteborg.vaksam.network.figures.MemberFigures.State;
import se.goteborg.vaksam.network.figures.TipFigures.TipCounts;
import se.goteborg.vaksam.network.page.Pages;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.FieldProblems;

/**
 * The coordinators' figures pages: the dashboard at {@code /network} (a period form sent by GET, headline numbers,
 * charts each with its table, the district map, members not reporting, meetings next to reporting, and links to
 * every figure as CSV), the list of quarters and each quarter's evaluation report with its trend.
 */
@Component
class FiguresPageHandler {

    /** The report lists at most this many quarters back from the current one. */
    static final int MOST_QUARTERS = 40;

    private final FiguresService figures;
    private final MessageSource messages;

    FiguresPageHandler(FiguresService figures, MessageSource messages) {
        this.figures = figures;
        this.messages = messages;
    }

    /** What the period form shows: what was typed, or the period shown. */
    record PeriodForm(String from, String to, String by) {
    }

    Mono<ServerResponse> dashboard(ServerRequest request) {
        FieldProblems problems = new FieldProblems();
        FigurePeriod period = FigurePeriod.check(request.queryParams(), figures.today(), problems);
        Labels labels = new Labels(messages, PageResponses.locale(request));
        if (!problems.isEmpty()) {
            PeriodForm typed = new PeriodForm(request.queryParam("from").orElse(""),
                    request.queryParam("to").orElse(""), request.queryParam("by").orElse(""));
            return Pages.model(request, Pages.PATH).flatMap(model -> {
                model.put("form", typed);
                model.put("errors", errors(problems.asList()));
                return PageResponses.render(HttpStatus.BAD_REQUEST, "network/figures/dashboard", model);
            });
        }
        return Mono.zip(figures.overview(period), figures.notReporting())
                .flatMap(all -> Pages.model(request, Pages.PATH).flatMap(model -> {
                    model.put("form", new PeriodForm(period.from().toString(), period.to().toString(),
                            period.by().code()));
                    model.put("errors", Map.of());
                    model.put("period", period);
                    dashboard(model, labels, period, all.getT1(), all.getT2());
                    return PageResponses.render(HttpStatus.OK, "network/figures/dashboard", model);
                }));
    }

    private static void dashboard(Map<String, Object> model, Labels labels, FigurePeriod period,
                                  FiguresService.Overview overview, NotReporting notReporting) {
        TipFigures tips = overview.tips();
        AlertFigures alerts = overview.alerts();
        Participation participation = overview.participation();
        model.put("tips", tips);
        model.put("alertsTotal", Count.of(alerts.total()));
        model.put("acknowledgedTotal", Count.of(alerts.recipients().stream()
                .mapToLong(r -> r.acknowledged().value()).sum()));
        // Organisations, named in the list below: a small number here would hide nothing.
        model.put("inactiveMembers", notReporting.members().stream().filter(m -> m.state() == State.INACTIVE).count());
        model.put("notReporting", notReporting);
        model.put("participation", participation);
        model.put("tipsOverTime", Charts.vertical("tips-over-time", tips.periods().stream()
                .map(p -> Item.counted(p.period(), p.figures().tips(), p.partial() ? "partial" : "whole"))
                .toList()));
        model.put("tipCharts", tipCharts(labels, tips.total()));
        model.put("districts", Charts.districtMap(tips.total().byDistrict()));
        model.put("districtItems", items(tips.total().byDistrict(), code -> labels.get("district." + code),
                "district"));
        model.put("alertsChart", alertsChart(labels, alerts.recipients()));
        model.put("acknowledgeChart", acknowledgeChart(labels, alerts.recipients()));
        model.put("alerts", alerts);
        model.put("csv", csvLinks(period));
    }

    /** A chart with its caption. */
    record Captioned(Chart chart, String caption) {
    }

    /** The breakdowns of tips as charts, in the order the pages show them. */
    private static List<Captioned> tipCharts(Labels labels, TipCounts counts) {
        return List.of(
                new Captioned(Charts.horizontal("channel", items(counts.byChannel(),
                        code -> labels.get("figures.channel." + code), "channel")), labels.get("figures.byChannel")),
                new Captioned(Charts.horizontal("member-type", items(counts.byMemberType(), labels::memberType,
                        "member-type")), labels.get("figures.byMemberType")),
                new Captioned(Charts.horizontal("exploitation", items(counts.byExploitationType(),
                        code -> labels.get("figures.exploitation." + code), "exploitation")),
                        labels.get("figures.byExploitation")),
                new Captioned(Charts.horizontal("suspected-minor", items(counts.bySuspectedMinor(),
                        code -> labels.get("figures.suspectedMinor." + code), "minor")),
                        labels.get("figures.bySuspectedMinor")),
                new Captioned(Charts.horizontal("indicator", items(counts.byIndicator(),
                        code -> labels.get("figures.indicator." + code), "indicator")),
                        labels.get("figures.byIndicator")));
    }

    private static List<Item> items(Map<String, Count> counts, Function<String, String> label, String kind) {
        List<Item> items = new ArrayList<>();
        counts.forEach((code, count) -> items.add(Item.counted(label.apply(code), count, kind)));
        return items;
    }

    private static Chart alertsChart(Labels labels, List<RecipientFigures> recipients) {
        List<Item> items = new ArrayList<>();
        for (RecipientFigures recipient : recipients) {
            for (Priority priority : Priority.values()) {
                items.add(Item.counted(labels.get("figures.recipient." + recipient.recipient().name()) + " – "
                                + labels.get("figures.priority." + priority.name()),
                        recipient.byPriority().get(priority), "priority-" + priority.name().toLowerCase(Locale.ROOT)));
            }
        }
        return Charts.horizontal("alerts", items);
    }

    private static Chart acknowledgeChart(Labels labels, List<RecipientFigures> recipients) {
        List<Item> items = new ArrayList<>();
        for (RecipientFigures recipient : recipients) {
            String name = labels.get("figures.recipient." + recipient.recipient().name());
            AlertFigures.Minutes minutes = recipient.acknowledgedWithinMinutes();
            String tooFew = labels.get("figures.tooFew");
            items.add(new Item(name + " – " + labels.get("figures.median"), minutes == null ? 0 : minutes.median(),
                    minutes == null ? tooFew : labels.minutes(minutes.median()), false, "median"));
            items.add(new Item(name + " – " + labels.get("figures.p90"), minutes == null ? 0 : minutes.p90(),
                    minutes == null ? tooFew : labels.minutes(minutes.p90()), false, "p90"));
        }
        return Charts.horizontal("acknowledge", items);
    }

    /** Every figure of the period as CSV, by name, for the pages' download links. */
    private static Map<String, String> csvLinks(FigurePeriod period) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String figure : List.of("tips", "alerts", "participation", "participation/groups",
                "participation/meetings")) {
            links.put(figure, UriComponentsBuilder.fromPath(FiguresRouter.PAGE_FILES + "/" + figure + ".csv")
                    .queryParam("from", period.from()).queryParam("to", period.to())
                    .queryParam("by", period.by().code()).build().toUriString());
        }
        links.put("members/not-reporting", FiguresRouter.PAGE_FILES + "/members/not-reporting.csv");
        return links;
    }

    Mono<ServerResponse> reports(ServerRequest request) {
        Quarter current = Quarter.of(figures.today());
        return figures.firstDay().flatMap(first -> Pages.model(request, Pages.PATH + "/reports").flatMap(model -> {
            List<Quarter> quarters = new ArrayList<>();
            for (Quarter q = current; !Quarter.of(first).isAfter(q) && quarters.size() < MOST_QUARTERS;
                 q = q.previous()) {
                quarters.add(q);
            }
            model.put("quarters", quarters);
            model.put("current", current);
            return PageResponses.render(HttpStatus.OK, "network/figures/reports", model);
        }));
    }

    Mono<ServerResponse> report(ServerRequest request) {
        Quarter current = Quarter.of(figures.today());
        Quarter quarter = Quarter.parse(request.pathVariable("quarter")).filter(q -> !q.isAfter(current))
                .orElse(null);
        if (quarter == null) {
            return Pages.message(request, HttpStatus.NOT_FOUND, "notFound");
        }
        Labels labels = new Labels(messages, PageResponses.locale(request));
        List<Quarter> compared = List.of(quarter, quarter.previous(), quarter.yearBefore());
        return Mono.zip(
                        reportFigures(compared.get(0)), reportFigures(compared.get(1)),
                        reportFigures(compared.get(2)))
                .flatMap(all -> Pages.model(request, Pages.PATH + "/reports/" + quarter.code()).flatMap(model -> {
                    QuarterReport report = QuarterReport.of(labels, quarter, current,
                            List.of(all.getT1(), all.getT2(), all.getT3()));
                    model.put("report", report);
                    model.put("tipsByMonth", Charts.vertical("tips-by-month", all.getT1().tips().periods().stream()
                            .map(p -> Item.counted(p.period(), p.figures().tips(), "whole")).toList()));
                    model.put("districts", Charts.districtMap(all.getT1().tips().total().byDistrict()));
                    model.put("csv", csvLinks(quarter.period()));
                    return PageResponses.render(HttpStatus.OK, "network/figures/report", model);
                }));
    }

    private Mono<QuarterReport.Figures> reportFigures(Quarter quarter) {
        return figures.overview(quarter.period()).map(overview -> new QuarterReport.Figures(quarter, overview.tips(),
                overview.alerts(), overview.participation()));
    }

    /** Each field at fault with the message key the page shows for it. */
    private static Map<String, String> errors(List<FieldProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            errors.putIfAbsent(problem.field(), "figures.error." + problem.field());
        }
        return errors;
    }

    /** The pages' texts in the visitor's language, for labels worked out before the template runs. */
    record Labels(MessageSource messages, Locale locale) {

        String get(String key) {
            return messages.getMessage(key, null, key, locale);
        }

        String memberType(String code) {
            return Codes.UNKNOWN.equals(code) ? get("figures.memberType.UNKNOWN") : get("memberType." + code);
        }

        String minutes(long minutes) {
            return messages.getMessage("figures.minutes", new Object[] {minutes}, locale);
        }
    }
}
