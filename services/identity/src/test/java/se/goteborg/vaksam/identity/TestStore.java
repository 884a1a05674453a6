package se.goteborg.vaksam.identity;

import java.net.InetSocketAddress;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A Mongo-compatible server speaking the wire protocol (mongo-java-server, in memory), one per test JVM, so identity
 * uses the real driver unchanged; test classes keep apart by database name. platform/test-support's MongoStore does
 * the same, but brings the broker and registry along, which identity's tests do not need.
 */
public final class TestStore {

	private static MongoServer server;

	private static String uri;

	private TestStore() {
	}

	public static synchronized String uri() {
		if (server == null) {
			server = new MongoServer(new MemoryBackend());
			InetSocketAddress address = server.bind();
			uri = "mongodb://127.0.0.1:" + address.getPort();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-store-stop"));
		}
		return uri;
	}

	/** A database of its own for one test class. */
	public static String database(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
