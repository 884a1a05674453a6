package se.goteborg.vaksam.intake.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What is stored of an {@code Idempotency-Key}: {@link #id} finds an earlier submission of the same member with the
 * same key, {@link #fingerprint} tells whether it had the same body. Neither the key nor the body is stored: the id
 * is a hash of member and key, and the fingerprint is an HMAC of the body under the key, so the store cannot be used
 * to confirm a guess about a tip's free text without the key.
 */
record Idempotency(String id, String fingerprint) {

    static Idempotency of(String memberId, String key, byte[] canonicalBody) {
        try {
            byte[] id = MessageDigest.getInstance("SHA-256")
                    .digest((memberId + "\n" + key).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new Idempotency(HexFormat.of().formatHex(id), HexFormat.of().formatHex(mac.doFinal(canonicalBody)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has SHA-256 and HmacSHA256", e);
        }
    }
}
