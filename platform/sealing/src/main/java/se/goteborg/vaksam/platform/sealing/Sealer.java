package se.goteborg.vaksam.platform.sealing;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

/**
 * Seals content with the recipient's public keyset (Tink hybrid encryption, HPKE). Holding a Sealer never lets
 * anyone open what it sealed: only the matching {@link Opener} can.
 */
public final class Sealer {

    private final HybridEncrypt encrypt;

    private Sealer(HybridEncrypt encrypt) {
        this.encrypt = encrypt;
    }

    /**
     * @param tinkJson a public keyset in Tink's JSON format, e.g. from {@link Keysets#generate()}
     * @throws IllegalArgumentException when the keyset holds secret key material (a service that only seals must not
     *                                  hold the private key) or is not a hybrid encryption keyset
     */
    public static Sealer fromPublicKeyset(String tinkJson) {
        Keysets.register();
        KeysetHandle handle;
        try {
            handle = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(tinkJson);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Not a public Tink keyset (a private keyset must never be given to "
                    + "a service that only seals): " + e.getClass().getSimpleName(), e);
        }
        return of(handle);
    }

    static Sealer of(KeysetHandle publicHandle) {
        try {
            return new Sealer(publicHandle.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The public keyset is not a hybrid encryption keyset", e);
        }
    }

    /**
     * @param context what the content belongs to (the tip id); the sealed bytes open only with the same context, so
     *                they cannot be moved to another tip
     */
    public byte[] seal(byte[] plaintext, String context) {
        try {
            return encrypt.encrypt(plaintext, Keysets.contextInfo(context));
        } catch (GeneralSecurityException e) {
            throw new SealingException("Sealing failed", e);
        }
    }
}
