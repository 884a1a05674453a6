package se.goteborg.vaksam.platform.sealing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vaksam.sealing.*}: the keysets as Tink JSON, given inline (e.g. from a secret in an environment variable)
 * or as a file path; at most one form per keyset. The top-level pair is alert-inbox's (tips' details, tipsters'
 * answers); {@code tipster} is the pair of the tipster's receipt (recipients' questions), held by tip-intake.
 *
 * @param publicKeyset      alert-inbox's public keyset JSON (services that seal for the inbox)
 * @param publicKeysetFile  path of a file holding it
 * @param privateKeyset     alert-inbox's private keyset JSON (alert-inbox only)
 * @param privateKeysetFile path of a file holding it
 * @param tipster           {@code vaksam.sealing.tipster.*}: the tipster pair, same four properties
 */
@ConfigurationProperties("vaksam.sealing")
public record SealingProperties(String publicKeyset, String publicKeysetFile, String privateKeyset,
                                String privateKeysetFile, Tipster tipster) {

    public SealingProperties {
        tipster = tipster == null ? new Tipster(null, null, null, null) : tipster;
    }

    /**
     * @param publicKeyset      the tipster public keyset JSON (alert-inbox, which seals questions)
     * @param publicKeysetFile  path of a file holding it
     * @param privateKeyset     the tipster private keyset JSON (tip-intake only, which opens them)
     * @param privateKeysetFile path of a file holding it
     */
    public record Tipster(String publicKeyset, String publicKeysetFile, String privateKeyset,
                          String privateKeysetFile) {

        @Override
        public String toString() {
            return "Tipster[publicKeysetFile=" + publicKeysetFile + ", privateKeysetFile=" + privateKeysetFile + "]";
        }
    }

    @Override
    public String toString() {
        return "SealingProperties[publicKeysetFile=" + publicKeysetFile + ", privateKeysetFile=" + privateKeysetFile
                + ", tipster=" + tipster + "]";
    }
}
