package se.goteborg.vaksam.premises.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import se.goteborg.vaksam.web.page.PageConfiguration;
import se.goteborg.vaksam.web.page.PageSite;

/** The lettings group's pages; static assets are served from {@code /lettings/assets/**}. */
@Configuration(proxyBeanMethods = false)
@Import(PageConfiguration.class)
class PageRouter {

    @Bean
    RouterFunction<ServerResponse> lettingsPageRoutes(NoticePageHandler notices, RegisterPageHandler register,
                                                      MatchPageHandler match) {
        return RouterFunctions.route()
                .GET(Pages.PATH, notices::list)
                .GET(Pages.PATH + "/notices/{premisesId}", notices::detail)
                .POST(Pages.PATH + "/notices/{premisesId}/actions",
                        RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED), notices::recordAction)
                .GET(Pages.PATH + "/register", register::form)
                .POST(Pages.PATH + "/register", RequestPredicates.contentType(MediaType.MULTIPART_FORM_DATA),
                        register::importFile)
                .GET(Pages.PATH + "/match", match::match)
                .build();
    }

    /** Refusals and other errors on the lettings pages are shown as pages, in the visitor's language. */
    @Bean
    PageSite pageSite() {
        return new PageSite(Pages.PATH, Pages::error);
    }
}
