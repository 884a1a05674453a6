package se.goteborg.vaksam.identity.twofactor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a fresh keyset for {@code vaksam.identity.two-factor.keyset-file} (or the content of
 * {@code VAKSAM_IDENTITY_TWO_FACTOR_KEYSET}), readable by its owner only; it never overwrites one, since the secrets
 * sealed with it would no longer open.
 */
public final class TwoFactorKeysetGenerator {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorKeysetGenerator.class);

	private TwoFactorKeysetGenerator() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			log.error("usage: TwoFactorKeysetGenerator <keyset file to write>");
			System.exit(2);
		}
		Path file = Path.of(args[0]);
		if (Files.exists(file)) {
			log.error("refusing to overwrite {}", file);
			System.exit(1);
		}
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, generate(), StandardCharsets.UTF_8);
		log.info("wrote {}", file);
	}

	/** A fresh keyset as cleartext Tink JSON (AES-256-GCM). */
	public static String generate() {
		return SecretCipher.generateKeyset();
	}

}
