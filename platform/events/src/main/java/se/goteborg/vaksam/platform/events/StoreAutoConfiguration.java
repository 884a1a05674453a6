package se.goteborg.vaksam.platform.events;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

/** Each service's own MongoDB database, through the reactive-streams driver; and the clock everything reads. */
@AutoConfiguration
public class StoreAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MongoClient vaksamMongoClient(@Value("${vaksam.mongo.uri:mongodb://localhost:27017}") String uri) {
        return MongoClients.create(uri);
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase vaksamMongoDatabase(MongoClient client,
                                      @Value("${vaksam.mongo.database:${spring.application.name}}") String name) {
        return client.getDatabase(name);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
