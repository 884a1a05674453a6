package se.goteborg.vaksam.premises.notice;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The lettings group's notices API; security allows it to the lettings group only. */
@Configuration(proxyBeanMethods = false)
class NoticeRouter {

    static final String NOTICES_PATH = "/api/v1/lettings/notices";

    @Bean
    RouterFunction<ServerResponse> noticeRoutes(NoticeHandler handler) {
        return RouterFunctions.route()
                .GET(NOTICES_PATH, handler::list)
                .GET(NOTICES_PATH + "/{premisesId}", handler::get)
                .POST(NOTICES_PATH + "/{premisesId}/actions", handler::recordAction)
                .build();
    }
}
