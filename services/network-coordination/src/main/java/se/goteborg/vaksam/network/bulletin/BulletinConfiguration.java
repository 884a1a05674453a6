package se.goteborg.vaksam.network.bulletin;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.reactivestreams.client.MongoDatabase;

import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.OutboxRelay;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulletinProperties.class)
class BulletinConfiguration {

    static final String RELAY = "bulletinOutboxRelay";

    /**
     * Injected only where asked for by name, so the members' relay stays the one other features get by type.
     */
    @Bean(name = RELAY, defaultCandidate = false)
    @Qualifier(RELAY)
    OutboxRelay bulletinOutboxRelay(MongoDatabase database, EventPublisher publisher) {
        return new OutboxRelay(database.getCollection(BulletinRepository.COLLECTION), publisher,
                OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    }
}
