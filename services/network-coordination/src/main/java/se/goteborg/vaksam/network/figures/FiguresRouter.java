package se.goteborg.vaksam.network.figures;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class FiguresRouter {

    @Bean
    RouterFunction<ServerResponse> figuresRoutes(FiguresHandler handler) {
        return RouterFunctions.route()
                .GET("/api/v1/network/figures/alerts", handler::alerts)
                .build();
    }
}
