package se.goteborg.vaksam.premises.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import se.goteborg.vaksam.web.security.VaksamSecurity;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.resourceServer(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/lettings/register").hasRole("LETTINGS")
                        .pathMatchers(HttpMethod.GET, "/api/v1/lettings/premises/match").hasRole("LETTINGS")
                        .anyExchange().denyAll())
                .build();
    }
}
