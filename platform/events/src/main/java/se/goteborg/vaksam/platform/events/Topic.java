package se.goteborg.vaksam.platform.events;

import java.time.Duration;
import java.util.Objects;

/**
 * A Kafka topic bound to the types of its keys and values, and to the settings it is created with.
 *
 * @param name       {@code vaksam.<entity>.<event>.v<major>}
 * @param keyType    type of the record key (the aggregate id)
 * @param valueType  Avro class of the record value
 * @param partitions partitions at creation
 * @param retention  how long records are kept ({@code null}: forever, for compacted state topics)
 * @param compacted  whether only the latest record per key is kept
 */
public record Topic<K, V>(String name, Class<K> keyType, Class<V> valueType, int partitions, Duration retention,
                          boolean compacted) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        if (!name.matches("vaksam\\.[a-z-]+(\\.[a-z-]+)?\\.v\\d+")) {
            throw new IllegalArgumentException("Topic name must be vaksam.<entity>.<event>.v<major>: " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + name);
        }
    }

    /** The registry artifact (Confluent subject) the value schema is registered under. */
    public String valueSubject() {
        return name + "-value";
    }
}
