package se.goteborg.vaksam.network.member;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class MemberRouter {

    @Bean
    RouterFunction<ServerResponse> memberRoutes(MemberHandler handler) {
        return RouterFunctions.route()
                .GET("/api/v1/members", handler::list)
                .POST("/api/v1/members", handler::enrol)
                .GET("/api/v1/members/{memberId}", handler::get)
                .PUT("/api/v1/members/{memberId}", handler::edit)
                .POST("/api/v1/members/{memberId}/revoke", handler::revoke)
                .POST("/api/v1/members/{memberId}/suspend", handler::suspend)
                .POST("/api/v1/members/{memberId}/activate", handler::activate)
                .POST("/api/v1/members/{memberId}/keys", handler::rotateKey)
                .build();
    }
}
