package se.goteborg.vaksam.network.meeting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The coordinators' meeting pages under {@code /network/meetings}. */
@Configuration(proxyBeanMethods = false)
class MeetingPageRouter {

    private static final String PATH = MeetingPageHandler.PATH;
    private static final String MEETING = PATH + "/{meetingId}";

    @Bean
    RouterFunction<ServerResponse> meetingPageRoutes(MeetingPageHandler pages) {
        RequestPredicate form = RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        return RouterFunctions.route()
                .GET(PATH, pages::list)
                .GET(PATH + "/new", pages::newForm)
                .POST(PATH, form, pages::create)
                .GET(MEETING, pages::editForm)
                .POST(MEETING, form, pages::edit)
                .GET(MEETING + "/delete", pages::deleteConfirmation)
                .POST(MEETING + "/delete", form, pages::delete)
                .build();
    }
}
