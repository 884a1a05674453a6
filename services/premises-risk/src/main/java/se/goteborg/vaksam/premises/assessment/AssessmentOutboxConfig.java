package se.goteborg.vaksam.premises.assessment;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.OutboxRelay;

@Configuration(proxyBeanMethods = false)
class AssessmentOutboxConfig {

    @Bean
    OutboxRelay assessmentsRelay(MongoDatabase database, EventPublisher publisher) {
        return new OutboxRelay(database.getCollection(AssessmentRepository.COLLECTION), publisher, OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    }
}
