package se.goteborg.vaksam.network.meeting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class MeetingRouter {

    private static final String MEETING = MeetingHandler.PATH + "/{meetingId}";

    @Bean
    RouterFunction<ServerResponse> meetingRoutes(MeetingHandler handler) {
        return RouterFunctions.route()
                .GET(MeetingHandler.PATH, handler::list)
                .POST(MeetingHandler.PATH, handler::create)
                .GET(MEETING, handler::get)
                .PUT(MEETING, handler::edit)
                .DELETE(MEETING, handler::delete)
                .build();
    }
}
