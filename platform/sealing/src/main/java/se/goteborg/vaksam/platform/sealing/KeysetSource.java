package se.goteborg.vaksam.platform.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a keyset in configuration, or the repository's demo keyset when (and only when) the demo is enabled. */
final class KeysetSource {

    private static final Logger log = LoggerFactory.getLogger(KeysetSource.class);

    static final String DEMO_PUBLIC = "demo/demo-public-keyset.json";
    static final String DEMO_PRIVATE = "demo/demo-private-keyset.json";
    static final String DEMO_TIPSTER_PUBLIC = "demo/demo-tipster-public-keyset.json";
    static final String DEMO_TIPSTER_PRIVATE = "demo/demo-tipster-private-keyset.json";

    private KeysetSource() {
    }

    static String publicKeyset(SealingProperties properties, boolean demo) {
        return resolve("vaksam.sealing.public-keyset", properties.publicKeyset(), properties.publicKeysetFile(),
                demo, DEMO_PUBLIC);
    }

    static String privateKeyset(SealingProperties properties, boolean demo) {
        return resolve("vaksam.sealing.private-keyset", properties.privateKeyset(), properties.privateKeysetFile(),
                demo, DEMO_PRIVATE);
    }

    static String tipsterPublicKeyset(SealingProperties properties, boolean demo) {
        SealingProperties.Tipster tipster = properties.tipster();
        return resolve("vaksam.sealing.tipster.public-keyset", tipster.publicKeyset(), tipster.publicKeysetFile(),
                demo, DEMO_TIPSTER_PUBLIC);
    }

    static String tipsterPrivateKeyset(SealingProperties properties, boolean demo) {
        SealingProperties.Tipster tipster = properties.tipster();
        return resolve("vaksam.sealing.tipster.private-keyset", tipster.privateKeyset(), tipster.privateKeysetFile(),
                demo, DEMO_TIPSTER_PRIVATE);
    }

    private static String resolve(String property, String inline, String file, boolean demo, String demoResource) {
        boolean hasInline = inline != null && !inline.isBlank();
        boolean hasFile = file != null && !file.isBlank();
        if (hasInline && hasFile) {
            throw new IllegalStateException("Set either " + property + " or " + property + "-file, not both");
        }
        if (hasInline) {
            return inline;
        }
        if (hasFile) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(property + "-file cannot be read: " + file, e);
            }
        }
        if (demo) {
            log.warn("Using the repository's DEMO keyset {} because vaksam.demo.enabled=true: anyone can open what "
                    + "is sealed with it. Never enable the demo in production.", demoResource);
            return demoResource(demoResource);
        }
        throw new IllegalStateException(missingMessage(property));
    }

    static String missingMessage(String property) {
        return "No keyset configured: set " + property + " (Tink JSON keyset) or " + property
                + "-file (path to it); only the local run may use the demo keysets, with vaksam.demo.enabled=true";
    }

    private static String demoResource(String name) {
        try (InputStream in = KeysetSource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Demo keyset missing from the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
