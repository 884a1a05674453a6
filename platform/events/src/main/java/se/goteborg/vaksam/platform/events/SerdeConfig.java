package se.goteborg.vaksam.platform.events;

import java.util.HashMap;
import java.util.Map;

/**
 * Settings of Apicurio's Avro serde shared by every producer and consumer: schemas registered under
 * {@code <topic>-value}, the Confluent wire format (magic byte, 4-byte content id, Avro binary, no headers) so any
 * Confluent-ecosystem client reading through the registry's ccompat API can decode every topic.
 */
public final class SerdeConfig {

    private SerdeConfig() {
    }

    public static Map<String, Object> forRegistry(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", registryUrl);
        config.put("apicurio.registry.auto-register", true);
        config.put("apicurio.registry.auto-register.if-exists", "FIND_OR_CREATE_VERSION");
        config.put("apicurio.registry.headers.enabled", false);
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.avro.encoding", "BINARY");
        config.put("apicurio.registry.use-specific-avro-reader", true);
        return config;
    }
}
