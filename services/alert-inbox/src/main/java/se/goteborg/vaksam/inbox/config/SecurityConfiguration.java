package se.goteborg.vaksam.inbox.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import se.goteborg.vaksam.web.security.VaksamSecurity;

/**
 * Any valid token may reach the inbox API; which inbox it sees, and whether it sees anything, is decided by the
 * token's recipient claim in the handlers, so a token without one gets 403 there. Webhooks are managed by recipient
 * systems only: the role is required here, the organisation is again the token's recipient claim. The openings log is
 * for auditors.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.resourceServer(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/v1/alerts", "/api/v1/alerts/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/v1/audit/openings", "/api/v1/audit/openings.csv")
                        .hasRole("AUDITOR")
                        .pathMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole("RECIPIENT")
                        .anyExchange().denyAll())
                .build();
    }
}
