package se.goteborg.vaksam.devstack.mongo;

import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Serves the MongoDB wire protocol from an H2 file for the local run, where no mongod can be
 * installed. Closing the store on SIGTERM writes the last changes, so the next run sees them.
 */
public final class MongoStoreMain {

    private static final Logger log = LoggerFactory.getLogger(MongoStoreMain.class);

    private MongoStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        StoreSettings settings;
        try {
            settings = StoreSettings.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("mongo-store: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(settings.file().getParent());
        MongoServer server = new MongoServer(new H2Backend(settings.file().toString()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // shutdown() also closes the backend, which commits and closes the H2 file.
            server.shutdown();
            log.info("Mongo-compatible store stopped, data kept in {}", settings.file());
            stopped.countDown();
        }, "mongo-store-shutdown"));
        server.bind("localhost", settings.port());
        log.info("Mongo-compatible store ready at {} (data in {})", settings.uri(), settings.file());
        stopped.await();
    }
}
