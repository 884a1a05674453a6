package se.goteborg.vaksam.intake.member;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The value of an enrolled device's member cookie: {@code v1.<member id>.<key hash>.<issued>.<mac>}, the member id
 * base64url, the hash of the key the device was enrolled with, the issue time in epoch seconds, and an HMAC-SHA256
 * over the rest. The key itself is never in the cookie, so a stolen cookie does not give the member key for the API.
 */
@Component
class MemberCookies {

    private static final Logger log = LoggerFactory.getLogger(MemberCookies.class);

    static final String SECRET_PROPERTY = "vaksam.intake.cookie-secret";
    static final Duration MAX_AGE = Duration.ofDays(365);
    private static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    private static final int MIN_SECRET_BYTES = 32;
    /** Published in the repository, so it protects nothing: only the local demo may use it. */
    private static final String DEMO_SECRET = "dmFrc2FtLWRlbW8tY29va2llLXNlY3JldC1ub3QtZm9yLXByb2R1Y3Rpb24=";
    private static final Pattern VALUE = Pattern.compile(
            "v1\\.([A-Za-z0-9_-]{1,200})\\.([0-9a-f]{64})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

    private final SecretKeySpec secret;
    private final Clock clock;

    MemberCookies(@Value("${" + SECRET_PROPERTY + ":}") String secret,
                  @Value("${vaksam.demo.enabled:false}") boolean demo, Clock clock) {
        this.secret = new SecretKeySpec(secret(secret, demo), "HmacSHA256");
        this.clock = clock;
    }

    /** Who the cookie says the device was enrolled for; the caller must still check that this is current. */
    record Claim(String memberId, String keyHash) {
    }

    String issue(String memberId, String keyHash) {
        String payload = "v1." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(memberId.getBytes(StandardCharsets.UTF_8))
                + "." + keyHash + "." + clock.instant().getEpochSecond();
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    /** The claim of a cookie this service signed and that has not expired; empty for anything else. */
    Optional<Claim> verify(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = VALUE.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String payload = value.substring(0, matcher.start(4) - 1);
        byte[] expected = mac(payload);
        byte[] given = Base64.getUrlDecoder().decode(matcher.group(4));
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        Instant issued = Instant.ofEpochSecond(Long.parseLong(matcher.group(3)));
        Instant now = clock.instant();
        if (issued.isAfter(now.plus(FUTURE_SKEW)) || issued.isBefore(now.minus(MAX_AGE))) {
            return Optional.empty();
        }
        String memberId = new String(Base64.getUrlDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8);
        return Optional.of(new Claim(memberId, matcher.group(2)));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has HmacSHA256", e);
        }
    }

    private static byte[] secret(String configured, boolean demo) {
        if (configured == null || configured.isBlank()) {
            if (!demo) {
                throw new IllegalStateException("No cookie secret configured: set " + SECRET_PROPERTY
                        + " (base64, at least " + MIN_SECRET_BYTES + " random bytes, e.g. `openssl rand -base64 32`); "
                        + "only the local run may use the demo secret, with vaksam.demo.enabled=true");
            }
            log.warn("Signing member cookies with the repository's DEMO secret because vaksam.demo.enabled=true: "
                    + "anyone can forge them. Never enable the demo in production.");
            return Base64.getDecoder().decode(DEMO_SECRET);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SECRET_PROPERTY + " must be base64", e);
        }
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(SECRET_PROPERTY + " must hold at least " + MIN_SECRET_BYTES
                    + " bytes; it holds " + bytes.length);
        }
        return bytes;
    }
}
