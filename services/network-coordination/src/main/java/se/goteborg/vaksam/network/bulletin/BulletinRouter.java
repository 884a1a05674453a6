package se.goteborg.vaksam.network.bulletin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class BulletinRouter {

    @Bean
    RouterFunction<ServerResponse> bulletinRoutes(BulletinHandler handler) {
        String path = BulletinHandler.PATH;
        return RouterFunctions.route()
                .GET(path, handler::list)
                .POST(path, handler::create)
                .GET(path + "/{bulletinId}", handler::get)
                .PUT(path + "/{bulletinId}", handler::edit)
                .POST(path + "/{bulletinId}/cancel", handler::cancel)
                .POST(path + "/{bulletinId}/withdraw", handler::withdraw)
                .POST(path + "/{bulletinId}/deliveries/retry", handler::retry)
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> bulletinPageRoutes(BulletinPageHandler pages) {
        String path = BulletinPageHandler.PATH;
        RequestPredicate form = RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        return RouterFunctions.route()
                .GET(path, pages::list)
                .GET(path + "/new", pages::newForm)
                .POST(path, form, pages::create)
                .GET(path + "/{bulletinId}", pages::detail)
                .GET(path + "/{bulletinId}/edit", pages::editForm)
                .POST(path + "/{bulletinId}", form, pages::edit)
                .POST(path + "/{bulletinId}/cancel", form, pages::cancel)
                .POST(path + "/{bulletinId}/withdraw", form, pages::withdraw)
                .POST(path + "/{bulletinId}/retry", form, pages::retry)
                .build();
    }
}
