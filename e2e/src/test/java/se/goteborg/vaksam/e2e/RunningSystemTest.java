package se.goteborg.vaksam.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.RegisterExtension;

import se.goteborg.vaksam.devstack.Devstack;
import se.goteborg.vaksam.devstack.RunningDevstack;
import tools.jackson.databind.JsonNode;

/**
 * The whole local stack (real KRaft broker, registry, Mongo-compatible store, identity, every service and the
 * gateway) on free ports in a fresh data folder, and a client that knows only the gateway. One stack serves every
 * test class of the run, since starting it is most of the suite's time: tests keep to their own tips, premises and
 * members, and a test that stops a part of the stack starts it again before it ends. A test that asserts a priority
 * sends its tip about an address no other test uses: three tips about one premises raise every priority a step.
 */
abstract class RunningSystemTest {

    /** How long an event may take through the pipeline before a test gives up on it. */
    static final Duration DELIVERY = Duration.ofSeconds(60);

    static RunningDevstack stack;
    static Vaksam vaksam;

    @RegisterExtension
    static final BeforeAllCallback SHARED_STACK = context -> {
        SharedStack shared = context.getRoot().getStore(Namespace.create(RunningSystemTest.class))
                .computeIfAbsent(SharedStack.class, type -> SharedStack.start(), SharedStack.class);
        stack = shared.stack();
        vaksam = new Vaksam(stack.gatewayUrl());
    };

    static String accepted(Vaksam.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.body().get("receiptCode").asString()).isNotBlank();
        return response.body().get("tipId").asString();
    }

    static JsonNode awaitAlert(String client, String tipId) {
        return Awaitility.await("an alert for tip " + tipId + " in the inbox of " + client)
                .atMost(DELIVERY)
                .until(() -> vaksam.alertsForTip(client, tipId), alerts -> alerts.size() == 1)
                .get(0);
    }

    static Map<String, Object> hotelTip(String suspectedMinor, String exploitationType, List<String> indicators,
                                                Map<String, Object> premises) {
        Map<String, Object> tip = baseTip(suspectedMinor, exploitationType, indicators);
        tip.put("premises", premises);
        return tip;
    }

    static Map<String, Object> baseTip(String suspectedMinor, String exploitationType, List<String> indicators) {
        Map<String, Object> tip = new LinkedHashMap<>();
        tip.put("observedAt", minutesAgo(30));
        tip.put("indicators", indicators);
        tip.put("suspectedMinor", suspectedMinor);
        tip.put("immediateDanger", false);
        tip.put("exploitationType", exploitationType);
        return tip;
    }

    static Map<String, Object> hotel(String streetAddress, String postalCode) {
        return Map.of("name", "Demohotellet Göteborg", "streetAddress", streetAddress, "postalCode", postalCode,
                "city", "Göteborg", "room", "412");
    }

    static String minutesAgo(int minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Closed by JUnit when the root context closes, after the last test class of the run. */
    private record SharedStack(RunningDevstack stack, Path dataDir) implements AutoCloseable {

        static SharedStack start() {
            try {
                Path dataDir = Files.createTempDirectory("vaksam-e2e-");
                RunningDevstack stack = Devstack.builder().dataDir(dataDir).freePorts()
                        // BrokerOutageIT sends 100 tips under one member key in moments, far beyond intake's limits.
                        .environment("VAKSAM_INTAKE_RATE_LIMITS_TIPS_PER_MEMBER_REQUESTS", "100000")
                        .environment("VAKSAM_INTAKE_RATE_LIMITS_POSTS_PER_ADDRESS_REQUESTS", "100000")
                        .start();
                return new SharedStack(stack, dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            stack.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
