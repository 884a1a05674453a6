package se.goteborg.vaksam.devstack;

import java.util.Arrays;
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

    /** The Spring Boot services that consume and produce events; identity and the gateway are not among them. */
    public static Set<Component> eventServices() {
        return EnumSet.of(NETWORK_COORDINATION, TIP_INTAKE, PREMISES_RISK, ALERT_ROUTING, ALERT_INBOX);
    }

    public static Set<Component> infrastructure() {
        return EnumSet.of(KAFKA_BROKER, MONGO_STORE, SCHEMA_REGISTRY);
    }

    public boolean isSpringBoot() {
        return !infrastructure().contains(this);
    }

    public static Component byId(String id) {
        return Arrays.stream(values())
                .filter(component -> component.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component named '" + id + "'"));
    }
}
