package se.goteborg.vaksam.network.member;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The coordinators' member pages under {@code /network/members}. */
@Configuration(proxyBeanMethods = false)
class MemberPageRouter {

    private static final String PATH = MemberPageHandler.PATH;
    private static final String MEMBER = PATH + "/{memberId}";

    @Bean
    RouterFunction<ServerResponse> memberPageRoutes(MemberPageHandler pages) {
        RequestPredicate form = RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        return RouterFunctions.route()
                .GET(PATH, pages::list)
                .GET(PATH + "/new", pages::enrolForm)
                .POST(PATH, form, pages::enrol)
                .GET(MEMBER, pages::member)
                .GET(MEMBER + "/edit", pages::editForm)
                .POST(MEMBER + "/edit", form, pages::edit)
                .POST(MEMBER + "/suspend", form, pages::suspend)
                .POST(MEMBER + "/activate", form, pages::activate)
                .GET(MEMBER + "/revoke", pages::revokeConfirmation)
                .POST(MEMBER + "/revoke", form, pages::revoke)
                .GET(MEMBER + "/key", pages::keyConfirmation)
                .POST(MEMBER + "/key", form, pages::issueKey)
                .POST(MEMBER + "/enrolment-code", form, pages::enrolmentCode)
                .build();
    }
}
