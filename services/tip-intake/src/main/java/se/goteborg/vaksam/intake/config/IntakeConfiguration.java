package se.goteborg.vaksam.intake.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.intake.intake.TipCollection;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.web.security.VaksamSecurity;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    OutboxRelay tipsRelay(MongoDatabase database, EventPublisher publisher) {
        return new OutboxRelay(database.getCollection(TipCollection.NAME), publisher, OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    }

    /**
     * Tipsters have no accounts: tips are authenticated by member keys in the tip routes, receipts (and answers on them) by their code.
     * Nothing else is served.
     */
    @Bean
    SecurityWebFilterChain intakeSecurity(ServerHttpSecurity http, VaksamSecurity vaksam) {
        return vaksam.stateless(http)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/tips/hotel", "/api/v1/tips/taxi").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/receipts/*").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/receipts/*/answers").permitAll()
                        .anyExchange().denyAll())
                .build();
    }
}
