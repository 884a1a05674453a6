package se.goteborg.vaksam.premises.register;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class PremisesMatchRouter {

    /** Path of the address check; security allows it to the lettings group only. */
    static final String MATCH_PATH = "/api/v1/lettings/premises/match";

    @Bean
    RouterFunction<ServerResponse> premisesMatchRoutes(PremisesMatchHandler handler) {
        return RouterFunctions.route(GET(MATCH_PATH), handler::match);
    }
}
