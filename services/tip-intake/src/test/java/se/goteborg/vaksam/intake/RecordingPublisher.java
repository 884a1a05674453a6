package se.goteborg.vaksam.intake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.support.SendResult;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.platform.events.EventPublisher;
import se.goteborg.vaksam.platform.events.Topic;

/** Stands in for the broker in unit tests: keeps what the outbox relay publishes. The ITs use the real broker. */
public class RecordingPublisher extends EventPublisher {

    public record Published(String topic, String key, SpecificRecord value) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();

    public RecordingPublisher() {
        super(null);
    }

    @Override
    public <V extends SpecificRecord> Mono<SendResult<String, SpecificRecord>> publish(Topic<String, V> topic,
                                                                                      String key, V value) {
        return Mono.fromRunnable(() -> published.add(new Published(topic.name(), key, value)));
    }

    public List<Published> published() {
        return List.copyOf(published);
    }
}
