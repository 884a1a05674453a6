package se.goteborg.vaksam.network.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import se.goteborg.vaksam.web.security.VaksamSecurity;

/** Only Göteborg &amp; Co's coordinators manage the network; everything else is closed. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.resourceServer(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/v1/members", "/api/v1/members/**").hasRole("COORDINATOR")
                        .pathMatchers("/api/v1/network/figures/**").hasRole("COORDINATOR")
                        .anyExchange().denyAll())
                .build();
    }
}
