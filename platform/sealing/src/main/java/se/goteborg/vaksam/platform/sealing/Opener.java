package se.goteborg.vaksam.platform.sealing;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

/** Opens what a {@link Sealer} sealed to the public half of this private keyset. */
public final class Opener {

    private final HybridDecrypt decrypt;
    private final Sealer sealer;

    private Opener(HybridDecrypt decrypt, Sealer sealer) {
        this.decrypt = decrypt;
        this.sealer = sealer;
    }

    /**
     * @param tinkJson a private keyset in Tink's (cleartext) JSON format, e.g. from {@link Keysets#generate()}
     * @throws IllegalArgumentException when it is not a private hybrid encryption keyset
     */
    public static Opener fromPrivateKeyset(String tinkJson) {
        Keysets.register();
        KeysetHandle handle;
        try {
            handle = TinkJsonProtoKeysetFormat.parseKeyset(tinkJson, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Not a Tink keyset: " + e.getClass().getSimpleName(), e);
        }
        try {
            return new Opener(handle.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class),
                    Sealer.of(handle.getPublicKeysetHandle()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a private hybrid encryption keyset (a public keyset cannot open)", e);
        }
    }

    /**
     * Seals to this keyset's own public half, for content the holder keeps for itself (alert-inbox's copy of the
     * questions it sent), so it is stored no more readable than what was sealed to it.
     */
    public Sealer sealer() {
        return sealer;
    }

    /**
     * @param context the same context the content was sealed with (the tip id)
     * @throws SealingException when the bytes were sealed to another key or another context, or were altered
     */
    public byte[] open(byte[] sealed, String context) {
        try {
            return decrypt.decrypt(sealed, Keysets.contextInfo(context));
        } catch (GeneralSecurityException e) {
            throw new SealingException("Sealed content cannot be opened: another key, another context or altered", e);
        }
    }
}
