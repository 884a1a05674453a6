package se.goteborg.vaksam.intake.abuse;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns client addresses and member keys into rate-limit keys that cannot be turned back: an HMAC under a key that
 * is made at start-up and never leaves this process's memory, so not even a heap dump together with a list of
 * candidate addresses tells which address is which key once the process is gone.
 */
final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits keep distinct inputs apart; the full 256 would only cost memory. */
    private static final int BYTES = 16;

    private final Mac prototype;

    Pseudonyms() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has " + ALGORITHM, e);
        }
    }

    /** The pseudonym of {@code value} within {@code kind}, so an address and an equal-looking key never collide. */
    String of(String kind, String value) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " of the default provider can be cloned", e);
        }
        mac.update(kind.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, BYTES));
    }
}
