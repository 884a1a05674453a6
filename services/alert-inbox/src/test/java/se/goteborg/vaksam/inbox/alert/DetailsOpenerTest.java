package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.platform.sealing.Keysets;
import se.goteborg.vaksam.platform.sealing.Opener;
import se.goteborg.vaksam.platform.sealing.Sealer;
import tools.jackson.databind.json.JsonMapper;

class DetailsOpenerTest {

    private static final Keysets.KeysetPair KEYS = Keysets.generate();
    private final Sealer sealer = Sealer.fromPublicKeyset(KEYS.publicKeyset());
    private final DetailsOpener opener = new DetailsOpener(Opener.fromPrivateKeyset(KEYS.privateKeyset()),
            JsonMapper.builder().build());

    @Test
    void opensWhatTipIntakeSealedForTheSameTip() {
        byte[] sealed = AlertEvents.seal(sealer, "tip-1", "Två män bokade rum 312", "070-000 00 00");
        assertThat(opener.open(sealed, "tip-1", "alert-1"))
                .contains(new DetailsOpener.Details("Två män bokade rum 312", "070-000 00 00"));
    }

    @Test
    void aTipWithoutContactOpensWithANullContact() {
        byte[] sealed = sealer.seal("{\"description\":\"d\",\"reporterContact\":null}".getBytes(StandardCharsets.UTF_8),
                "tip-1");
        assertThat(opener.open(sealed, "tip-1", "alert-1")).contains(new DetailsOpener.Details("d", null));
    }

    @Test
    void detailsMovedToAnotherTipOrAlteredDoNotOpen() {
        byte[] sealed = AlertEvents.seal(sealer, "tip-1", "d", "c");
        assertThat(opener.open(sealed, "tip-2", "alert-2")).isEmpty();
        sealed[sealed.length - 1] ^= 1;
        assertThat(opener.open(sealed, "tip-1", "alert-1")).isEmpty();
        byte[] otherKey = AlertEvents.seal(Sealer.fromPublicKeyset(Keysets.generate().publicKeyset()), "tip-1", "d", "c");
        assertThat(opener.open(otherKey, "tip-1", "alert-1")).isEmpty();
    }

    @Test
    void openedDetailsNeverShowInLogs() {
        assertThat(new DetailsOpener.Details("secret words", "070").toString()).doesNotContain("secret", "070");
    }
}
