package se.goteborg.vaksam.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Formats the log directory the first time only: a formatted directory holds the cluster id in its
 * meta.properties, and formatting again would need the same id to keep the data.
 */
final class BrokerStorage {

    private BrokerStorage() {
    }

    /** Returns the cluster id, freshly made and written when the directory was not formatted yet. */
    static String formatIfNew(Path logDir, PrintStream out) throws Exception {
        Optional<String> existing = existingClusterId(logDir);
        if (existing.isPresent()) {
            return existing.get();
        }
        Files.createDirectories(logDir);
        String clusterId = Uuid.randomUuid().toString();
        new Formatter()
                .setPrintStream(out)
                .setNodeId(BrokerProperties.NODE_ID)
                .setClusterId(clusterId)
                .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(logDir.toString())
                .setHasDynamicQuorum(false)
                .addDirectory(logDir.toString())
                .run();
        return clusterId;
    }

    static Optional<String> existingClusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            props.load(in);
        }
        return Optional.ofNullable(props.getProperty("cluster.id"));
    }
}
