package se.goteborg.vaksam.network.config;

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

/** Only Göteborg &amp; Co's coordinators manage the network and read its figures; everything else is closed. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The coordinators' pages, logged in at the gateway, which relays the person's access token: refusals are pages,
     * form posts carry a CSRF token ({@link PageSecurity#personPages}). The CSP allows nothing but this service's own
     * style sheet: the enrolment QR code and the charts are inline SVG, which needs no script.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain pages(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                 VaksamJwtAuthenticationConverter converter) {
        return PageSecurity.personPages(http, PageSecurity.NO_SCRIPT_CSP, "/network", jwtDecoder, converter)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/network/assets/**").permitAll()
                        .anyExchange().hasRole("COORDINATOR"))
                .build();
    }

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.resourceServer(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/v1/members", "/api/v1/members/**").hasRole("COORDINATOR")
                        .pathMatchers("/api/v1/network/**").hasRole("COORDINATOR")
                        .anyExchange().denyAll())
                .build();
    }
}
