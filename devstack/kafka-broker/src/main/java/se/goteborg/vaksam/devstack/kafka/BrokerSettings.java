package se.goteborg.vaksam.devstack.kafka;

import java.nio.file.Path;

/**
 * What a local broker run may vary: its two listener ports and where it keeps its data.
 * Arguments take the form {@code --port=9092 --controller-port=9093 --log-dir=.devstack/data/kafka}.
 */
record BrokerSettings(int port, int controllerPort, Path logDir) {

    static final int DEFAULT_PORT = 9092;
    static final int DEFAULT_CONTROLLER_PORT = 9093;
    static final Path DEFAULT_LOG_DIR = Path.of(".devstack", "data", "kafka");

    BrokerSettings {
        requirePort("port", port);
        requirePort("controller-port", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
        }
        logDir = logDir.toAbsolutePath().normalize();
    }

    static BrokerSettings fromArgs(String... args) {
        int port = DEFAULT_PORT;
        int controllerPort = DEFAULT_CONTROLLER_PORT;
        Path logDir = DEFAULT_LOG_DIR;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "port" -> port = parsePort(name, value);
                case "controller-port" -> controllerPort = parsePort(name, value);
                case "log-dir" -> logDir = Path.of(value);
                default -> throw new IllegalArgumentException(
                        "unknown option --" + name + " (known: --port, --controller-port, --log-dir)");
            }
        }
        return new BrokerSettings(port, controllerPort, logDir);
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
        }
    }

    private static void requirePort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--" + name + " must be between 1 and 65535, got " + port);
        }
    }
}
