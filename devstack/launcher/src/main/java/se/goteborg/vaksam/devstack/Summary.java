package se.goteborg.vaksam.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** What the launcher prints once everything is healthy: where each part is, and how to log in. */
final class Summary {

    private Summary() {
    }

    static String render(RunningDevstack stack) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nVaksam is up after %.1f s. Ctrl-C stops everything.%n%n",
                stack.startupTime().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "  %-22s %-44s %8s %9s%n", "COMPONENT", "ADDRESS", "PID", "RSS"));
        List<Component> shown = new ArrayList<>(stack.components());
        // The gateway first: it is the one address people need.
        shown.sort((a, b) -> Integer.compare(b.ordinal(), a.ordinal()));
        long totalKib = 0;
        for (Component component : shown) {
            OptionalLong pid = stack.pid(component);
            OptionalLong rss = stack.residentKib(component);
            totalKib += rss.orElse(0);
            out.append(String.format(Locale.ROOT, "  %-22s %-44s %8s %9s%n", component.id(), address(stack, component),
                    pid.isPresent() ? String.valueOf(pid.getAsLong()) : "-",
                    rss.isPresent() ? megabytes(rss.getAsLong()) : "-"));
        }
        if (totalKib > 0) {
            out.append(String.format(Locale.ROOT, "  %-22s %-44s %8s %9s%n", "", "", "total", megabytes(totalKib)));
        }
        if (stack.components().contains(Component.GATEWAY)) {
            out.append(credentials(stack.tokenUrl(), stack.gatewayUrl()));
        }
        out.append(String.format(Locale.ROOT, "%nLogs: %s/<component>.log%nData: %s/data (kept between runs)%n",
                stack.dataDir().resolve("logs"), stack.dataDir()));
        return out.toString();
    }

    private static String address(RunningDevstack stack, Component component) {
        return switch (component) {
            case KAFKA_BROKER -> stack.kafkaBootstrap() + " (controller " + stack.ports().get(Port.KAFKA_CONTROLLER) + ")";
            case MONGO_STORE -> stack.mongoUri();
            case SCHEMA_REGISTRY -> stack.registryUrl();
            case MAIL_SERVER -> stack.url(component) + " (SMTP " + stack.ports().get(Port.MAIL_SMTP) + ")";
            case GATEWAY -> stack.gatewayUrl() + "  <- start here";
            default -> stack.url(component);
        };
    }

    private static String credentials(String tokenUrl, String gatewayUrl) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nDemo credentials (seeded by the local run only)%n"));
        out.append(String.format(Locale.ROOT, "  Member keys for tips (Authorization: Bearer <key>): %s, %s%n",
                DemoCredentials.HOTEL_MEMBER_KEY, DemoCredentials.TAXI_MEMBER_KEY));
        out.append(String.format(Locale.ROOT, "  OAuth2 clients (client credentials, client_secret_basic), token endpoint %s%n",
                tokenUrl));
        for (DemoCredentials.Client client : DemoCredentials.CLIENTS) {
            out.append(String.format(Locale.ROOT, "    %-26s %-32s %s%n", client.clientId(), client.secret(), client.purpose()));
        }
        out.append(String.format(Locale.ROOT, "  People (log in in the browser at %s/lettings, /inbox or /network; password %s)%n",
                gatewayUrl, DemoCredentials.PASSWORD));
        for (DemoCredentials.Person person : DemoCredentials.PEOPLE) {
            out.append(String.format(Locale.ROOT, "    %-26s %s%n", person.username(), person.pages()));
        }
        DemoCredentials.Client police = DemoCredentials.CLIENTS.get(0);
        out.append(String.format(Locale.ROOT, "  Try: curl -s -u %s:%s -d grant_type=client_credentials %s%n",
                police.clientId(), police.secret(), tokenUrl));
        return out.toString();
    }

    private static String megabytes(long kib) {
        return String.format(Locale.ROOT, "%d MB", Math.round(kib / 1024.0));
    }
}
