package se.goteborg.vaksam.intake.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import se.goteborg.vaksam.web.page.PageConfiguration;
import se.goteborg.vaksam.web.page.PageSite;

/** The intake pages people open in a browser; static assets are served from {@code /intake/assets/**}. */
@Configuration(proxyBeanMethods = false)
@Import(PageConfiguration.class)
class PageRouter {

    @Bean
    RouterFunction<ServerResponse> pageRoutes(EnrolHandler enrol, FormHandler forms, ReceiptPageHandler receipts) {
        RequestPredicate form = RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        return RouterFunctions.route()
                .GET("/intake", enrol::start)
                .GET("/intake/enrol/{memberKey}", enrol::confirm)
                .POST("/intake/enrol", form, enrol::enrol)
                .POST("/intake/signout", enrol::signOut)
                .GET("/intake/hotel", forms::hotel)
                .POST("/intake/hotel", form, forms::submitHotel)
                .GET("/intake/taxi", forms::taxi)
                .POST("/intake/taxi", form, forms::submitTaxi)
                .GET("/intake/receipt", receipts::lookup)
                .POST("/intake/receipt", form, receipts::status)
                .POST("/intake/receipt/answer", form, receipts::answer)
                .build();
    }

    /** The intake pages' language and their errors (rate limits, expired forms, unknown paths) shown as pages. */
    @Bean
    PageSite pageSite() {
        return new PageSite(Pages.PATH, (request, status, error) -> Pages.error(request, status));
    }
}
