package se.goteborg.vaksam.inbox.alert;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.OutboxRelay;

@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    OutboxRelay alertOutboxRelay(MongoDatabase database, EventPublisher publisher) {
        return new OutboxRelay(database.getCollection(AlertRepository.COLLECTION), publisher, OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    }
}
