package se.goteborg.vaksam.platform.events;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Publishes events to their topic; completes only when the broker has the record on all in-sync replicas. */
public class EventPublisher {

    private final KafkaTemplate<String, SpecificRecord> template;

    public EventPublisher(KafkaTemplate<String, SpecificRecord> template) {
        this.template = template;
    }

    public <V extends SpecificRecord> Mono<SendResult<String, SpecificRecord>> publish(Topic<String, V> topic,
                                                                                      String key, V value) {
        if (!topic.valueType().isInstance(value)) {
            return Mono.error(new IllegalArgumentException(
                    value.getClass().getName() + " does not belong on " + topic.name()));
        }
        // send() may wait for metadata while the broker is away, so it must not run on an event-loop thread.
        return Mono.fromFuture(() -> template.send(topic.name(), key, value))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
