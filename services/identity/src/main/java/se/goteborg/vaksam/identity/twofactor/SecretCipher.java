package se.goteborg.vaksam.identity.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Seals TOTP secrets at rest with an AEAD keyset from configuration (Tink, AES-256-GCM). The person's username is
 * the associated data, so a sealed secret copied onto another account does not open.
 */
final class SecretCipher {

	private static final String CONTEXT = "vaksam.identity.totp-secret:";

	private final Aead aead;

	private SecretCipher(Aead aead) {
		this.aead = aead;
	}

	static SecretCipher fromKeyset(String tinkJson) {
		register();
		try {
			KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(tinkJson, InsecureSecretKeyAccess.get());
			return new SecretCipher(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// The keyset itself is never part of the message.
			throw new IllegalStateException("The two-factor keyset is not a Tink JSON AEAD keyset", ex);
		}
	}

	/** A fresh AES-256-GCM keyset as cleartext Tink JSON: keep it as a secret, never in the repository. */
	static String generateKeyset() {
		register();
		try {
			return TinkJsonProtoKeysetFormat.serializeKeyset(
					KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an AEAD keyset", ex);
		}
	}

	byte[] seal(byte[] secret, String username) {
		try {
			return this.aead.encrypt(secret, associatedData(username));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a two-factor secret", ex);
		}
	}

	byte[] open(byte[] sealed, String username) {
		try {
			return this.aead.decrypt(sealed, associatedData(username));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored two-factor secret does not open with the configured keyset", ex);
		}
	}

	private static byte[] associatedData(String username) {
		return (CONTEXT + username).getBytes(StandardCharsets.UTF_8);
	}

	private static void register() {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink AEAD is unavailable", ex);
		}
	}

}
