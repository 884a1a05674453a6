package se.goteborg.vaksam.intake.openapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import se.goteborg.vaksam.web.security.VaksamSecurity;

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

    /** The document is public; this chain covers its one path only, so intake's own chain stays as it is. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain openApiSecurity(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PATH))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }
}
