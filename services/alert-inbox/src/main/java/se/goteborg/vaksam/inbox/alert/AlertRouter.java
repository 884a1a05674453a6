package se.goteborg.vaksam.inbox.alert;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class AlertRouter {

    @Bean
    RouterFunction<ServerResponse> alertRoutes(AlertHandler handler) {
        return RouterFunctions.route()
                .GET("/api/v1/alerts", handler::list)
                .GET("/api/v1/alerts/{alertId}", handler::get)
                .POST("/api/v1/alerts/{alertId}/acknowledge", handler::acknowledge)
                .POST("/api/v1/alerts/{alertId}/outcome", handler::outcome)
                .POST("/api/v1/alerts/{alertId}/priority", handler::priority)
                .POST("/api/v1/alerts/{alertId}/questions", handler::ask)
                .POST("/api/v1/alerts/{alertId}/notes", handler::note)
                .build();
    }
}
