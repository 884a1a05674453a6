package se.goteborg.vaksam.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark's command line, {@code --name=value} options and bare {@code --flag}s, like the devstack launcher's.
 * Each value read is taken out, so {@link #requireAllRead()} names any option nobody asked for.
 */
final class BenchArguments {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final boolean help;

    private BenchArguments(String[] args, Set<String> knownFlags) {
        boolean asked = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                asked = true;
                continue;
            }
            if (arg.startsWith("--") && knownFlags.contains(arg.substring(2))) {
                flags.add(arg.substring(2));
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        help = asked;
    }

    /** {@code knownFlags}: the bare {@code --name}s the benchmark takes besides {@code --help}. */
    static BenchArguments parse(String[] args, String... knownFlags) {
        return new BenchArguments(args, Set.of(knownFlags));
    }

    boolean help() {
        return help;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String text(String name, String fallback) {
        String value = options.remove(name);
        return value == null ? fallback : value;
    }

    /** A URL without its trailing slash, so paths can be appended. */
    URI url(String name, String fallback) {
        String url = text(name, fallback);
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    double positive(String name, String fallback) {
        double number = number(name, text(name, fallback));
        if (number <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + number);
        }
        return number;
    }

    int whole(String name, String fallback, int least) {
        double number = number(name, text(name, fallback));
        if (number != Math.rint(number) || number < least || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number of at least " + least + ", got "
                    + number);
        }
        return (int) number;
    }

    Duration seconds(String name, String fallback, boolean zeroAllowed) {
        double number = number(name, text(name, fallback));
        if (number < 0 || (number == 0 && !zeroAllowed)) {
            throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "0 or more" : "positive")
                    + " seconds, got " + number);
        }
        return Duration.ofMillis(Math.round(number * 1000));
    }

    void requireAllRead() {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + options.keySet().iterator().next());
        }
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
