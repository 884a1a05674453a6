package se.goteborg.vaksam.intake.openapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /api/v1/openapi.yaml}: the hand-written description of the public API, served as written so that what
 * integrators read is what the tests hold the routes, the validator and the indicator catalogue to.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiRouter {

    static final String PATH = "/api/v1/openapi.yaml";
    static final String DOCUMENT = "openapi/vaksam-intake.yaml";
    /** RFC 9512. */
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Bean
    RouterFunction<ServerResponse> openApiRoutes() {
        Resource document = new ClassPathResource(DOCUMENT);
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok().contentType(YAML).bodyValue(document))
                .build();
    }
}
