package se.goteborg.vaksam.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SealingTest {

    private static final Keysets.KeysetPair PAIR = Keysets.generate();
    private static final byte[] CANARY = "{\"description\":\"canary-7f3a room 412\"}".getBytes(StandardCharsets.UTF_8);

    private final Sealer sealer = Sealer.fromPublicKeyset(PAIR.publicKeyset());
    private final Opener opener = Opener.fromPrivateKeyset(PAIR.privateKeyset());

    @Test
    void opensWhatWasSealedForTheSameContext() {
        byte[] sealed = sealer.seal(CANARY, "tip-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("canary");
        assertThat(opener.open(sealed, "tip-1")).isEqualTo(CANARY);
    }

    @Test
    void sealingTwiceGivesDifferentBytes() {
        assertThat(sealer.seal(CANARY, "tip-1")).isNotEqualTo(sealer.seal(CANARY, "tip-1"));
    }

    @Test
    void contentSealedForOneTipDoesNotOpenForAnother() {
        byte[] sealed = sealer.seal(CANARY, "tip-1");

        assertThatThrownBy(() -> opener.open(sealed, "tip-2")).isInstanceOf(SealingException.class);
    }

    @Test
    void alteredContentDoesNotOpen() {
        byte[] sealed = sealer.seal(CANARY, "tip-1");
        for (int i = 0; i < sealed.length; i += 7) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> opener.open(tampered, "tip-1")).isInstanceOf(SealingException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> opener.open(truncated, "tip-1")).isInstanceOf(SealingException.class);
    }

    @Test
    void anotherPrivateKeysetCannotOpen() {
        Opener stranger = Opener.fromPrivateKeyset(Keysets.generate().privateKeyset());

        assertThatThrownBy(() -> stranger.open(sealer.seal(CANARY, "tip-1"), "tip-1"))
                .isInstanceOf(SealingException.class);
    }

    @Test
    void aPublicKeysetCannotOpen() {
        assertThatThrownBy(() -> Opener.fromPrivateKeyset(PAIR.publicKeyset()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public keyset cannot open");
    }

    @Test
    void aSealerRefusesAPrivateKeyset() {
        assertThatThrownBy(() -> Sealer.fromPublicKeyset(PAIR.privateKeyset()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a public Tink keyset");
    }

    @Test
    void garbageIsNotAKeyset() {
        assertThatThrownBy(() -> Sealer.fromPublicKeyset("{\"not\":\"a keyset\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Opener.fromPrivateKeyset("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContextIsRequired() {
        assertThatThrownBy(() -> sealer.seal(CANARY, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(CANARY, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoKeysetsAreAPair() {
        Sealer demoSealer = Sealer.fromPublicKeyset(KeysetSource.publicKeyset(
                new SealingProperties(null, null, null, null, null), true));
        Opener demoOpener = Opener.fromPrivateKeyset(KeysetSource.privateKeyset(
                new SealingProperties(null, null, null, null, null), true));

        assertThat(demoOpener.open(demoSealer.seal(CANARY, "tip-9"), "tip-9")).isEqualTo(CANARY);
    }
}
