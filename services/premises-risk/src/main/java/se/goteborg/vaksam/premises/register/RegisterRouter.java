package se.goteborg.vaksam.premises.register;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class RegisterRouter {

    /** Path of the register import; security allows it to the lettings group only. */
    static final String REGISTER_PATH = "/api/v1/lettings/register";

    @Bean
    RouterFunction<ServerResponse> registerRoutes(RegisterImportHandler handler) {
        return RouterFunctions.route(POST(REGISTER_PATH), handler::importRegister);
    }
}
