package se.goteborg.vaksam.devstack.mongo;

import java.nio.file.Path;

/**
 * What a local store run may vary: its port and the H2 file that holds every database.
 * Arguments take the form {@code --port=27017 --file=.devstack/data/mongo/vaksam.mv}.
 */
record StoreSettings(int port, Path file) {

    static final int DEFAULT_PORT = 27017;
    static final Path DEFAULT_FILE = Path.of(".devstack", "data", "mongo", "vaksam.mv");

    StoreSettings {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
        }
        file = file.toAbsolutePath().normalize();
    }

    static StoreSettings fromArgs(String... args) {
        int port = DEFAULT_PORT;
        Path file = DEFAULT_FILE;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "port" -> port = parsePort(value);
                case "file" -> file = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option --" + name + " (known: --port, --file)");
            }
        }
        return new StoreSettings(port, file);
    }

    String uri() {
        return "mongodb://localhost:" + port;
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, got '" + value + "'");
        }
    }
}
