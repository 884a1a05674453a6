package se.goteborg.vaksam.routing.config;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import se.goteborg.vaksam.routing.rules.Router;
import se.goteborg.vaksam.routing.rules.RoutingRules;
import se.goteborg.vaksam.routing.rules.RoutingRulesLoader;
import se.goteborg.vaksam.routing.tips.RoutingProperties;

/** Loads and checks the routing rules at start-up: a service with broken rules does not start. */
@Configuration(proxyBeanMethods = false)
class RulesConfig {

    @Bean
    RoutingRules routingRules(RoutingProperties properties, ResourceLoader resources) throws IOException {
        try (InputStream rules = resources.getResource(properties.rules()).getInputStream()) {
            return RoutingRulesLoader.load(properties.rules(), rules);
        }
    }

    @Bean
    Router router(RoutingRules rules) {
        return new Router(rules);
    }
}
