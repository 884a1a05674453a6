package se.goteborg.vaksam.inbox.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import se.goteborg.vaksam.inbox.page.InboxPages;

/**
 * The auditors' page of the openings log, and its CSV export for the browser: the API's export
 * ({@link AuditHandler#export}) at a page path, so the person's relayed login authorises it.
 */
@Configuration(proxyBeanMethods = false)
class AuditPageRouter {

    @Bean
    RouterFunction<ServerResponse> auditPageRoutes(AuditPageHandler page, AuditHandler api) {
        return RouterFunctions.route()
                .GET(InboxPages.AUDIT_PATH, page::openings)
                .GET(InboxPages.AUDIT_PATH + "/openings.csv", api::export)
                .build();
    }
}
