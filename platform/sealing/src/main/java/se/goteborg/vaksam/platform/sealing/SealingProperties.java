package se.goteborg.vaksam.platform.sealing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vaksam.sealing.*}: the keysets as Tink JSON, given inline (e.g. from a secret in an environment variable)
 * or as a file path; at most one form per keyset.
 *
 * @param publicKeyset      public keyset JSON (services that seal)
 * @param publicKeysetFile  path of a file holding the public keyset JSON
 * @param privateKeyset     private keyset JSON (alert-inbox only)
 * @param privateKeysetFile path of a file holding the private keyset JSON
 */
@ConfigurationProperties("vaksam.sealing")
public record SealingProperties(String publicKeyset, String publicKeysetFile, String privateKeyset,
                                String privateKeysetFile) {

    @Override
    public String toString() {
        return "SealingProperties[publicKeysetFile=" + publicKeysetFile + ", privateKeysetFile=" + privateKeysetFile + "]";
    }
}
