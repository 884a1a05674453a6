package se.goteborg.vaksam.network.figures;

import java.util.function.Function;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.problem.FieldProblems;

/**
 * The figures as JSON, or as CSV when the path ends in {@code .csv} or {@code format=csv} is asked for. Periods are
 * {@code from} and {@code to} (days, {@code to} not included) and {@code by=week|month}; anything else at fault is a
 * problem naming the parameter.
 */
@Component
class FiguresHandler {

    private final FiguresService figures;

    FiguresHandler(FiguresService figures) {
        this.figures = figures;
    }

    Mono<ServerResponse> tips(ServerRequest request) {
        return period(request).flatMap(figures::tips).flatMap(result -> respond(request, result,
                FiguresCsv::tips, FiguresCsv.filename("tips", result.from(), result.to())));
    }

    Mono<ServerResponse> alerts(ServerRequest request) {
        return period(request).flatMap(figures::alerts).flatMap(result -> respond(request, result,
                FiguresCsv::alerts, FiguresCsv.filename("alerts", result.from(), result.to())));
    }

    Mono<ServerResponse> notReporting(ServerRequest request) {
        return format(request).then(figures.notReporting()).flatMap(result -> respond(request, result,
                FiguresCsv::notReporting, "vaksam-members-not-reporting-" + result.asOf() + ".csv"));
    }

    Mono<ServerResponse> participation(ServerRequest request) {
        return period(request).flatMap(figures::participation).flatMap(result -> respond(request, result,
                FiguresCsv::participation, FiguresCsv.filename("participation", result.from(), result.to())));
    }

    Mono<ServerResponse> participationGroups(ServerRequest request) {
        return period(request).flatMap(figures::participation).flatMap(result -> csv(
                FiguresCsv.participationGroups(result),
                FiguresCsv.filename("participation-groups", result.from(), result.to())));
    }

    Mono<ServerResponse> meetings(ServerRequest request) {
        return period(request).flatMap(figures::participation).flatMap(result -> csv(FiguresCsv.meetings(result),
                FiguresCsv.filename("meetings", result.from(), result.to())));
    }

    private Mono<FigurePeriod> period(ServerRequest request) {
        FieldProblems problems = new FieldProblems();
        FigurePeriod period = FigurePeriod.check(request.queryParams(), figures.today(), problems);
        checkFormat(request, problems);
        return problems.thenReturn(period);
    }

    private static Mono<Void> format(ServerRequest request) {
        FieldProblems problems = new FieldProblems();
        checkFormat(request, problems);
        return problems.thenReturn(true).then();
    }

    private static void checkFormat(ServerRequest request, FieldProblems problems) {
        String format = request.queryParam("format").orElse("json");
        problems.check(format.equals("json") || format.equals("csv"), "format", "must be json or csv");
    }

    private static <T> Mono<ServerResponse> respond(ServerRequest request, T result, Function<T, String> csv,
                                                    String filename) {
        boolean asCsv = request.path().endsWith(".csv") || request.queryParam("format").filter("csv"::equals)
                .isPresent();
        return asCsv ? csv(csv.apply(result), filename) : ServerResponse.ok().bodyValue(result);
    }

    private static Mono<ServerResponse> csv(String body, String filename) {
        return ServerResponse.ok().contentType(FiguresCsv.CSV).cacheControl(CacheControl.noStore())
                .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment()
                        .filename(filename).build()))
                .bodyValue(body);
    }
}
