package se.goteborg.vaksam.intake.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class MemberCookiesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T20:00:00Z");
    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String HASH = MemberKeys.hash("a-key");

    private static MemberCookies cookies(String secret, Instant now) {
        return new MemberCookies(secret, false, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aCookieItIssuedIsVerifiedUntilItExpires() {
        String value = cookies(SECRET, T0).issue("member.1", HASH);

        assertThat(value).doesNotContain("a-key");
        assertThat(cookies(SECRET, T0).verify(value)).contains(new MemberCookies.Claim("member.1", HASH));
        assertThat(cookies(SECRET, T0.plus(Duration.ofDays(364))).verify(value)).isPresent();
        assertThat(cookies(SECRET, T0.plus(Duration.ofDays(366))).verify(value)).isEmpty();
        assertThat(cookies(SECRET, T0.minus(Duration.ofHours(1))).verify(value)).isEmpty();
    }

    @Test
    void anotherSecretOrAnyChangedCharacterIsRefused() {
        String value = cookies(SECRET, T0).issue("member-1", HASH);
        String other = Base64.getEncoder().encodeToString("another secret of thirty-two b!!".getBytes());

        assertThat(cookies(other, T0).verify(value)).isEmpty();
        // The last character carries bits the decoder drops, so changing it may leave the same MAC.
        for (int i = 0; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            String changed = value.substring(0, i) + (c == 'A' ? 'B' : 'A') + value.substring(i + 1);
            assertThat(cookies(SECRET, T0).verify(changed)).as(changed).isEmpty();
        }
        assertThat(cookies(SECRET, T0).verify(null)).isEmpty();
        assertThat(cookies(SECRET, T0).verify("")).isEmpty();
    }

    @Test
    void startUpFailsWithoutASecretOfThirtyTwoBytesUnlessTheDemoRuns() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        assertThatThrownBy(() -> new MemberCookies("", false, clock))
                .hasMessageContaining("vaksam.intake.cookie-secret");
        assertThatThrownBy(() -> new MemberCookies(Base64.getEncoder().encodeToString(new byte[31]), false, clock))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new MemberCookies("not base64!", false, clock)).hasMessageContaining("base64");

        MemberCookies demo = new MemberCookies("", true, clock);
        assertThat(demo.verify(demo.issue("demo-hotel", HASH))).isPresent();
    }
}
