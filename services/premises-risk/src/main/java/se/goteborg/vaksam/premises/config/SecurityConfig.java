package se.goteborg.vaksam.premises.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import se.goteborg.vaksam.web.page.PageSecurity;
import se.goteborg.vaksam.web.security.VaksamJwtAuthenticationConverter;
import se.goteborg.vaksam.web.security.VaksamSecurity;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * The lettings group's pages. The gateway logs the person in and relays their access token, so a page request is
     * authenticated exactly like an API call, statelessly; refusals become pages (401, 403) instead of problem
     * documents, and form posts carry a CSRF token (multipart forms too: the register upload); see
     * {@link PageSecurity#personPages}. The CSP allows nothing but this service's own style sheet.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain pages(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                 VaksamJwtAuthenticationConverter converter) {
        return PageSecurity.personPages(http, PageSecurity.NO_SCRIPT_CSP, "/lettings", jwtDecoder, converter)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/lettings/assets/**").permitAll()
                        .anyExchange().hasRole("LETTINGS"))
                .build();
    }

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.resourceServer(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/lettings/register").hasRole("LETTINGS")
                        .pathMatchers(HttpMethod.GET, "/api/v1/lettings/premises/match").hasRole("LETTINGS")
                        .pathMatchers("/api/v1/lettings/notices", "/api/v1/lettings/notices/**").hasRole("LETTINGS")
                        .anyExchange().denyAll())
                .build();
    }
}
