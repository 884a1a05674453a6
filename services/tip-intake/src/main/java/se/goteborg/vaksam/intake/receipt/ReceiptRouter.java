package se.goteborg.vaksam.intake.receipt;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class ReceiptRouter {

    @Bean
    RouterFunction<ServerResponse> receiptRoutes(ReceiptHandler handler) {
        return RouterFunctions.route()
                .GET("/api/v1/receipts/{receiptCode}", handler::get)
                .POST("/api/v1/receipts/{receiptCode}/answers", handler::answer)
                .build();
    }
}
