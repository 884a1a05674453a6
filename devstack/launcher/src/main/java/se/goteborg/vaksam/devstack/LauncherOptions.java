package se.goteborg.vaksam.devstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The launcher's command line. Each setting may come from an option, a system property or an
 * environment variable, in that order of precedence:
 * {@code --data-dir} / {@code vaksam.data-dir} / {@code VAKSAM_DATA_DIR},
 * {@code --port-offset} / {@code vaksam.port-offset} / {@code VAKSAM_PORT_OFFSET},
 * {@code --gateway-port} / {@code vaksam.gateway.port} / {@code VAKSAM_GATEWAY_PORT}, likewise for every {@link Port}.
 */
record LauncherOptions(boolean help, Path dataDir, Ports ports, Set<Component> components) {

    static final String USAGE = """
            Usage: devstack/run [options]   (or: java -jar devstack/launcher/target/launcher.jar [options])
            Starts Kafka, the Mongo-compatible store, the schema registry, identity, every service and the
            gateway, waits until all are healthy, prints where they are, and stops them all on Ctrl-C.

              --data-dir=DIR        data and logs (default: .devstack in the repository); kept between runs
              --port-offset=N       add N to every default port (e.g. 10000: gateway 18080, Kafka 19092)
              --<name>-port=P       one port; names:
                                    %s
              --components=A,B,...  start only these (default all), e.g. for a benchmark of one service:
                                    %s
              --help                this text

            Each option may also be given as a system property (-Dvaksam.data-dir, -Dvaksam.port-offset,
            -Dvaksam.gateway.port) or an environment variable (VAKSAM_DATA_DIR, VAKSAM_PORT_OFFSET,
            VAKSAM_GATEWAY_PORT, VAKSAM_KAFKA_CONTROLLER_PORT, ...); options win over properties, properties over
            the environment.
            """.formatted(portNames(), componentNames());

    static LauncherOptions parse(String[] args, Map<String, String> environment, UnaryOperator<String> systemProperties) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new LauncherOptions(true, null, Ports.defaults(), EnumSet.allOf(Component.class));
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Setting setting = new Setting(options, environment, systemProperties);

        String dataDir = setting.value("data-dir", "vaksam.data-dir", "VAKSAM_DATA_DIR");
        String offset = setting.value("port-offset", "vaksam.port-offset", "VAKSAM_PORT_OFFSET");
        Ports ports = Ports.withOffset(offset == null ? 0 : number("port offset", offset));
        for (Port port : Port.values()) {
            String explicit = setting.value(port.key() + "-port", port.systemProperty(), port.envVar());
            if (explicit != null) {
                ports = ports.with(port, number(port.key() + " port", explicit));
            }
        }
        String chosen = options.remove("components");
        Set<Component> components = chosen == null ? EnumSet.allOf(Component.class) : components(chosen);
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + options.keySet().iterator().next());
        }
        return new LauncherOptions(false, dataDir == null ? null : Path.of(dataDir), ports, components);
    }

    private static Set<Component> components(String ids) {
        Set<Component> components = EnumSet.noneOf(Component.class);
        for (String id : ids.split(",")) {
            String wanted = id.strip();
            components.add(Arrays.stream(Component.values()).filter(c -> c.id().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no component '" + wanted + "'; components: "
                            + componentNames())));
        }
        return components;
    }

    private static String componentNames() {
        return Arrays.stream(Component.values()).map(Component::id).collect(Collectors.joining(","));
    }

    private static int number(String what, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + value + "'");
        }
    }

    private static String portNames() {
        StringBuilder names = new StringBuilder();
        int lineLength = 0;
        for (Port port : Port.values()) {
            if (lineLength > 0 && lineLength + port.key().length() > 70) {
                names.append(",\n                        ");
                lineLength = 0;
            } else if (lineLength > 0) {
                names.append(", ");
            }
            names.append(port.key());
            lineLength += port.key().length() + 2;
        }
        return names.toString();
    }

    /** Takes each option it reads out of {@code options}, so whatever is left over is unknown. */
    private record Setting(Map<String, String> options, Map<String, String> environment,
                           UnaryOperator<String> systemProperties) {

        String value(String option, String property, String envVar) {
            String fromOption = options.remove(option);
            if (fromOption != null) {
                return fromOption;
            }
            String fromProperty = systemProperties.apply(property);
            return fromProperty != null ? fromProperty : environment.get(envVar);
        }
    }
}
