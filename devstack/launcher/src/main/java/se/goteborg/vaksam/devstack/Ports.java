package se.goteborg.vaksam.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The port of every part of the stack; immutable, every port distinct. */
public final class Ports {

    private final Map<Port, Integer> ports;

    private Ports(Map<Port, Integer> ports) {
        Map<Integer, Port> seen = new HashMap<>();
        for (Map.Entry<Port, Integer> entry : ports.entrySet()) {
            int port = entry.getValue();
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(entry.getKey().key() + " port must be between 1 and 65535, got " + port);
            }
            Port clash = seen.put(port, entry.getKey());
            if (clash != null) {
                throw new IllegalArgumentException(
                        "port " + port + " given to both " + clash.key() + " and " + entry.getKey().key());
            }
        }
        this.ports = Collections.unmodifiableMap(new EnumMap<>(ports));
    }

    /** The runtime contract's ports: gateway 8080, Kafka 9092, and so on. */
    public static Ports defaults() {
        return withOffset(0);
    }

    /** Every default port plus {@code offset}, e.g. 10000 gives gateway 18080 and Kafka 19092. */
    public static Ports withOffset(int offset) {
        Map<Port, Integer> ports = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            ports.put(port, port.defaultPort() + offset);
        }
        return new Ports(ports);
    }

    /** Ports the operating system reports free right now; for tests that run beside other stacks. */
    public static Ports free() {
        List<ServerSocket> held = new ArrayList<>();
        Map<Port, Integer> ports = new EnumMap<>(Port.class);
        try {
            // Holding every socket until all are chosen keeps the OS from handing out one port twice.
            for (Port port : Port.values()) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports.put(port, socket.getLocalPort());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not find free ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // The port was only borrowed to learn its number.
                }
            }
        }
        return new Ports(ports);
    }

    public Ports with(Port port, int number) {
        Map<Port, Integer> changed = new EnumMap<>(ports);
        changed.put(port, number);
        return new Ports(changed);
    }

    public int get(Port port) {
        return ports.get(port);
    }

    public Map<Port, Integer> asMap() {
        return ports;
    }

    @Override
    public String toString() {
        return ports.toString();
    }
}
