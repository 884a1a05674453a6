package se.goteborg.vaksam.testsupport;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A Mongo-compatible server speaking the wire protocol (mongo-java-server, in memory), so services use the real
 * driver unchanged. One per test JVM; tests keep apart by database name.
 */
public final class MongoStore {

    private static MongoServer shared;
    private static String uri;

    private MongoStore() {
    }

    public static synchronized String uri() {
        if (shared == null) {
            shared = new MongoServer(new MemoryBackend());
            InetSocketAddress address = shared.bind();
            uri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::shutdownNow, "mongo-store-stop"));
        }
        return uri;
    }
}
