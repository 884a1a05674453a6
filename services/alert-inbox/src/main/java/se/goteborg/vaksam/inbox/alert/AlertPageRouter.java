package se.goteborg.vaksam.inbox.alert;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import se.goteborg.vaksam.inbox.page.InboxPages;

/** The recipients' inbox pages: the list, an alert's detail and the forms posted from it. */
@Configuration(proxyBeanMethods = false)
class AlertPageRouter {

    private static final String ALERT = InboxPages.PATH + "/alerts/{alertId}";

    @Bean
    RouterFunction<ServerResponse> alertPageRoutes(AlertPageHandler pages) {
        RequestPredicate form = RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        return RouterFunctions.route()
                .GET(InboxPages.PATH, pages::list)
                .GET(ALERT, pages::detail)
                .POST(ALERT + "/acknowledge", form, pages::acknowledge)
                .POST(ALERT + "/outcome", form, pages::outcome)
                .POST(ALERT + "/priority", form, pages::priority)
                .POST(ALERT + "/questions", form, pages::ask)
                .POST(ALERT + "/notes", form, pages::note)
                .build();
    }
}
