package se.goteborg.vaksam.devstack;

import java.util.EnumSet;
import java.util.Set;

/**
 * The processes of the local stack, in start order: infrastructure first, the gateway last.
 * Stopping goes the other way.
 */
public enum Component {
    KAFKA_BROKER("kafka-broker", Port.KAFKA),
    MONGO_STORE("mongo-store", Port.MONGO),
    SCHEMA_REGISTRY("schema-registry", Port.REGISTRY),
    MAIL_SERVER("mail-server", Port.MAIL_API),
    IDENTITY("identity", Port.IDENTITY),
    NETWORK_COORDINATION("network-coordination", Port.NETWORK_COORDINATION),
    TIP_INTAKE("tip-intake", Port.TIP_INTAKE),
    PREMISES_RISK("premises-risk", Port.PREMISES_RISK),
    ALERT_ROUTING("alert-routing", Port.ALERT_ROUTING),
    ALERT_INBOX("alert-inbox", Port.ALERT_INBOX),
    GATEWAY("gateway", Port.GATEWAY);

    private final String id;
    private final Port port;

    Component(String id, Port port) {
        this.id = id;
        this.port = port;
    }

    /** The module and log name, e.g. {@code tip-intake}. */
    public String id() {
        return id;
    }

    public Port port() {
        return port;
    }

    /** The broker, the store and the registry: what every event service needs before it starts. */
    public static Set<Component> infrastructure() {
        return EnumSet.of(KAFKA_BROKER, MONGO_STORE, SCHEMA_REGISTRY);
    }
}
