package se.goteborg.vaksam.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real parts a service's integration test runs on, as the properties its context reads; for a test's
 * {@code @DynamicPropertySource}.
 */
public final class Infrastructure {

    private Infrastructure() {
    }

    /** The embedded broker, the schema registry and the Mongo-compatible store. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaBroker::bootstrapServers);
        registry.add("vaksam.registry.url", () -> SchemaRegistryServer.shared().url());
        registry.add("vaksam.mongo.uri", MongoStore::uri);
    }

    /** Those, and the test key server whose tokens ({@link TestTokens}) the service accepts. */
    public static void registerWithTokens(DynamicPropertyRegistry registry) {
        register(registry);
        registry.add("vaksam.security.jwk-set-uri", TestTokens::jwkSetUri);
    }
}
