package se.goteborg.vaksam.devstack;

import java.util.Locale;

/** Every port the local stack listens on, with the defaults of the shared runtime contract. */
public enum Port {
    GATEWAY("gateway", 8080),
    TIP_INTAKE("tip-intake", 8081),
    PREMISES_RISK("premises-risk", 8082),
    ALERT_ROUTING("alert-routing", 8083),
    ALERT_INBOX("alert-inbox", 8084),
    NETWORK_COORDINATION("network-coordination", 8085),
    IDENTITY("identity", 9000),
    REGISTRY("registry", 8090),
    KAFKA("kafka", 9092),
    KAFKA_CONTROLLER("kafka-controller", 9093),
    MONGO("mongo", 27017),
    MAIL_SMTP("mail-smtp", 3025),
    MAIL_API("mail-api", 8025);

    private final String key;
    private final int defaultPort;

    Port(String key, int defaultPort) {
        this.key = key;
        this.defaultPort = defaultPort;
    }

    /** The name used in options: {@code --<key>-port}, {@code -Dvaksam.<key>.port}. */
    public String key() {
        return key;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** For example {@code VAKSAM_GATEWAY_PORT} or {@code VAKSAM_KAFKA_CONTROLLER_PORT}. */
    public String envVar() {
        return "VAKSAM_" + key.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    /** For example {@code vaksam.gateway.port}. */
    public String systemProperty() {
        return "vaksam." + key + ".port";
    }
}
