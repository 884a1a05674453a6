package se.goteborg.vaksam.inbox.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class WebhookRouter {

    @Bean
    RouterFunction<ServerResponse> webhookRoutes(WebhookHandler handler) {
        return RouterFunctions.route()
                .POST("/api/v1/webhooks", handler::register)
                .GET("/api/v1/webhooks", handler::list)
                .GET("/api/v1/webhooks/{webhookId}", handler::get)
                .DELETE("/api/v1/webhooks/{webhookId}", handler::delete)
                .GET("/api/v1/webhooks/{webhookId}/deliveries", handler::deliveries)
                .POST("/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/retry", handler::retry)
                .POST("/api/v1/webhooks/{webhookId}/ping", handler::ping)
                .build();
    }
}
