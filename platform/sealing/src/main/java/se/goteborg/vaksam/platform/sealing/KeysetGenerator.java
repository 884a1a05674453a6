package se.goteborg.vaksam.platform.sealing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a fresh key pair for a deployment: {@code public-keyset.json} (tip-intake's
 * {@code vaksam.sealing.public-keyset-file}) and {@code private-keyset.json} (alert-inbox's
 * {@code vaksam.sealing.private-keyset-file}, readable by the owner only). Run it once more into another directory for
 * the tipster pair: its public keyset is alert-inbox's {@code vaksam.sealing.tipster.public-keyset-file}, its private
 * one tip-intake's {@code vaksam.sealing.tipster.private-keyset-file}.
 */
public final class KeysetGenerator {

    private static final Logger log = LoggerFactory.getLogger(KeysetGenerator.class);

    private KeysetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            log.error("usage: KeysetGenerator <output directory>");
            System.exit(2);
        }
        Path directory = Files.createDirectories(Path.of(args[0]));
        Path publicFile = directory.resolve("public-keyset.json");
        Path privateFile = directory.resolve("private-keyset.json");
        if (Files.exists(publicFile) || Files.exists(privateFile)) {
            // Overwriting a private keyset would make everything sealed to it unreadable.
            log.error("refusing to overwrite keysets in {}", directory);
            System.exit(1);
        }
        Keysets.KeysetPair pair = Keysets.generate();
        Files.writeString(publicFile, pair.publicKeyset());
        Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateFile, pair.privateKeyset());
        log.info("wrote {} and {}", publicFile, privateFile);
    }
}
