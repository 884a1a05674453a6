package se.goteborg.vaksam.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import se.goteborg.vaksam.devstack.Devstack;
import se.goteborg.vaksam.devstack.RunningDevstack;

/**
 * The whole local stack (real KRaft broker, registry, Mongo-compatible store, identity, every service and the
 * gateway) on free ports in a fresh data folder, one per test class, and a client that knows only the gateway.
 */
abstract class RunningSystemTest {

    @TempDir
    static Path dataDir;
    static RunningDevstack stack;
    static Vaksam vaksam;

    @BeforeAll
    static void startTheSystem() {
        stack = Devstack.builder().dataDir(dataDir).freePorts()
                // BrokerOutageIT sends 100 tips under one member key in moments, far beyond intake's rate limits.
                .environment("VAKSAM_INTAKE_RATE_LIMITS_TIPS_PER_MEMBER_REQUESTS", "100000")
                .environment("VAKSAM_INTAKE_RATE_LIMITS_POSTS_PER_ADDRESS_REQUESTS", "100000")
                .start();
        vaksam = new Vaksam(stack.gatewayUrl());
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
