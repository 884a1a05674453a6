package se.goteborg.vaksam.routing.deadline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.OutboxRelay;

@Configuration(proxyBeanMethods = false)
class EscalationConfig {

    static final String RELAY = "escalationsRelay";

    @Bean(RELAY)
    OutboxRelay escalationsRelay(MongoDatabase database, EventPublisher publisher) {
        return new OutboxRelay(database.getCollection(DeadlineRepository.ESCALATIONS), publisher,
                OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    }
}
