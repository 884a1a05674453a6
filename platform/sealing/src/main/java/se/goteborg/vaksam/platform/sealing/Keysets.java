package se.goteborg.vaksam.platform.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;

/** The one key type Vaksam seals with, and fresh key pairs of it. */
public final class Keysets {

    /**
     * HPKE (RFC 9180) with X25519, HKDF-SHA256 and AES-256-GCM; the TINK variant prefixes each ciphertext with the
     * key id, so a keyset can be rotated (new primary key) while older sealed content still opens.
     */
    static final HpkeParameters PARAMETERS;

    static {
        try {
            PARAMETERS = HpkeParameters.builder()
                    .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
                    .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
                    .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
                    .setVariant(HpkeParameters.Variant.TINK)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {
    }

    /**
     * A fresh key pair as Tink JSON keysets. The private one is cleartext JSON: store it as a secret (Kubernetes
     * Secret, vault), never in the repository.
     */
    public static KeysetPair generate() {
        register();
        try {
            KeysetHandle privateHandle = KeysetHandle.generateNew(PARAMETERS);
            return new KeysetPair(
                    TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(privateHandle.getPublicKeysetHandle()),
                    TinkJsonProtoKeysetFormat.serializeKeyset(privateHandle, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key generation failed", e);
        }
    }

    /** A public keyset (for {@link Sealer}) and its private keyset (for {@link Opener}), both Tink JSON. */
    public record KeysetPair(String publicKeyset, String privateKeyset) {

        @Override
        public String toString() {
            return "KeysetPair[publicKeyset=" + publicKeyset + ", privateKeyset=(secret)]";
        }
    }

    static void register() {
        try {
            HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink hybrid encryption is unavailable", e);
        }
    }

    static byte[] contextInfo(String context) {
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException("A context (the tip id) is required");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }
}
