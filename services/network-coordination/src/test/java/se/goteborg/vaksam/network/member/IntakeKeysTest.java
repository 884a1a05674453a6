package se.goteborg.vaksam.network.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IntakeKeysTest {

    @Test
    void hashIsLowercaseHexSha256OfTheUtf8Key() {
        // tip-intake hashes presented keys the same way: printf %s demo-hotel-key | sha256sum
        assertThat(IntakeKeys.hash("demo-hotel-key"))
                .isEqualTo("69a33c44676886e4887e5d41b1dd4db2ff7683a1ef6e1beac3f5f3ba5a447835");
    }

    @Test
    void generatedKeysAreLongRandomAndUrlSafe() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String key = IntakeKeys.generate();
            assertThat(key).matches("vk_[A-Za-z0-9_-]{43}");
            keys.add(key);
        }
        assertThat(keys).hasSize(100);
    }
}
