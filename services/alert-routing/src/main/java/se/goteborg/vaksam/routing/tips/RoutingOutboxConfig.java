package se.goteborg.vaksam.routing.tips;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.OutboxRelay;

@Configuration(proxyBeanMethods = false)
class RoutingOutboxConfig {

    static final String RELAY = "routingsRelay";

    @Bean(RELAY)
    OutboxRelay routingsRelay(MongoDatabase database, EventPublisher publisher) {
        return new OutboxRelay(database.getCollection(RoutingRepository.COLLECTION), publisher, OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    }
}
