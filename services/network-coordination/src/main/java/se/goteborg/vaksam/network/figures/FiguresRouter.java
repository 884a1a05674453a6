package se.goteborg.vaksam.network.figures;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import se.goteborg.vaksam.network.page.Pages;

/**
 * The figures' API under {@value #API}, each figure also as {@code .csv}; the same CSV files under
 * {@value #PAGE_FILES} for the coordinators' pages, which a browser opens with the person's login rather than a
 * token; and the pages: the dashboard at {@code /network} and the quarterly reports.
 */
@Configuration(proxyBeanMethods = false)
class FiguresRouter {

    static final String API = "/api/v1/network/figures";
    static final String PAGE_FILES = Pages.PATH + "/figures";

    @Bean
    RouterFunction<ServerResponse> figuresRoutes(FiguresHandler handler) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        figure(routes, "/tips", handler::tips);
        figure(routes, "/alerts", handler::alerts);
        figure(routes, "/members/not-reporting", handler::notReporting);
        figure(routes, "/participation", handler::participation);
        for (String base : new String[] {API, PAGE_FILES}) {
            routes.GET(base + "/participation/groups.csv", handler::participationGroups)
                    .GET(base + "/participation/meetings.csv", handler::meetings);
        }
        return routes.build();
    }

    private static void figure(RouterFunctions.Builder routes, String path, HandlerFunction<ServerResponse> handler) {
        routes.GET(API + path, handler).GET(API + path + ".csv", handler).GET(PAGE_FILES + path + ".csv", handler);
    }

    @Bean
    RouterFunction<ServerResponse> figuresPageRoutes(FiguresPageHandler pages) {
        return RouterFunctions.route()
                .GET(Pages.PATH, pages::dashboard)
                .GET(Pages.PATH + "/reports", pages::reports)
                .GET(Pages.PATH + "/reports/{quarter}", pages::report)
                .build();
    }
}
