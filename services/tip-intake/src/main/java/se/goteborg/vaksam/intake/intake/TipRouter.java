package se.goteborg.vaksam.intake.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import se.goteborg.vaksam.intake.member.MemberKeyFilter;

@Configuration(proxyBeanMethods = false)
class TipRouter {

    @Bean
    RouterFunction<ServerResponse> tipRoutes(TipHandler handler, MemberKeyFilter memberKeys) {
        return RouterFunctions.route()
                .POST("/api/v1/tips/hotel", handler::hotel)
                .POST("/api/v1/tips/taxi", handler::taxi)
                .filter(memberKeys)
                .build();
    }
}
