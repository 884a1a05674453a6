package se.goteborg.vaksam.network.member;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.OutboxRelay;

@Configuration(proxyBeanMethods = false)
class MemberConfiguration {

    @Bean
    OutboxRelay memberOutboxRelay(MongoDatabase database, EventPublisher publisher) {
        return new OutboxRelay(database.getCollection(MemberRepository.COLLECTION), publisher, OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    }
}
