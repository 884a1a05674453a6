package se.goteborg.vaksam.inbox.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class AuditRouter {

    @Bean
    RouterFunction<ServerResponse> auditRoutes(AuditHandler handler) {
        return RouterFunctions.route()
                .GET("/api/v1/audit/openings", handler::list)
                .GET("/api/v1/audit/openings.csv", handler::export)
                .build();
    }
}
