package se.goteborg.vaksam.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TipsterSealingTest {

    private static final Keysets.KeysetPair INBOX = Keysets.generate();
    private static final Keysets.KeysetPair TIPSTER = Keysets.generate();
    private static final byte[] QUESTION = "Which room was it?".getBytes(StandardCharsets.UTF_8);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SealingAutoConfiguration.class));

    @Test
    void aQuestionOpensForItsTipAndMessageOnly() {
        byte[] sealed = TipsterSealer.fromPublicKeyset(TIPSTER.publicKeyset()).seal(QUESTION, "tip-1", "msg-1");
        TipsterOpener opener = TipsterOpener.fromPrivateKeyset(TIPSTER.privateKeyset());

        assertThat(opener.open(sealed, "tip-1", "msg-1")).isEqualTo(QUESTION);
        assertThatThrownBy(() -> opener.open(sealed, "tip-2", "msg-1")).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> opener.open(sealed, "tip-1", "msg-2")).isInstanceOf(SealingException.class);
    }

    @Test
    void contentForOneAudienceDoesNotOpenWithTheOther() {
        byte[] forTipster = TipsterSealer.fromPublicKeyset(TIPSTER.publicKeyset()).seal(QUESTION, "tip-1", "msg-1");
        byte[] forInbox = Sealer.fromPublicKeyset(INBOX.publicKeyset()).seal(QUESTION, "tip-1");

        assertThatThrownBy(() -> Opener.fromPrivateKeyset(INBOX.privateKeyset()).open(forTipster, "tip-1"))
                .isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> TipsterOpener.fromPrivateKeyset(TIPSTER.privateKeyset()).open(forInbox, "tip-1", "msg-1"))
                .isInstanceOf(SealingException.class);
    }

    @Test
    void theAssociatedDataNamesTheAudienceSoOneKeysetUsedForBothStillKeepsThemApart() {
        byte[] forTipster = TipsterSealer.fromPublicKeyset(INBOX.publicKeyset()).seal(QUESTION, "tip-1", "msg-1");

        assertThatThrownBy(() -> Opener.fromPrivateKeyset(INBOX.privateKeyset()).open(forTipster, "tip-1"))
                .isInstanceOf(SealingException.class);
    }

    @Test
    void anOpenerSealsToItsOwnPublicHalf() {
        TipsterOpener opener = TipsterOpener.fromPrivateKeyset(TIPSTER.privateKeyset());
        assertThat(opener.open(opener.sealer().seal(QUESTION, "tip-1", "a-1"), "tip-1", "a-1")).isEqualTo(QUESTION);

        Opener inbox = Opener.fromPrivateKeyset(INBOX.privateKeyset());
        assertThat(inbox.open(inbox.sealer().seal(QUESTION, "tip-1"), "tip-1")).isEqualTo(QUESTION);
    }

    @Test
    void tipsterKeysetsGiveOnlyTheTipsterBeans() {
        runner.withPropertyValues("vaksam.sealing.tipster.public-keyset=" + TIPSTER.publicKeyset())
                .run(context -> assertThat(context).hasSingleBean(TipsterSealer.class)
                        .doesNotHaveBean(TipsterOpener.class).doesNotHaveBean(Sealer.class)
                        .doesNotHaveBean(Opener.class));
        runner.withPropertyValues("vaksam.sealing.tipster.private-keyset=" + TIPSTER.privateKeyset(),
                        "vaksam.sealing.public-keyset=" + INBOX.publicKeyset())
                .run(context -> assertThat(context).hasSingleBean(TipsterOpener.class).hasSingleBean(Sealer.class)
                        .doesNotHaveBean(TipsterSealer.class).doesNotHaveBean(Opener.class));
    }

    @Test
    void theDemoTipsterPairWorksAndIsNotTheInboxPair() {
        runner.withPropertyValues("vaksam.demo.enabled=true").run(context -> {
            byte[] sealed = context.getBean(TipsterSealer.class).seal(QUESTION, "tip-1", "msg-1");
            assertThat(context.getBean(TipsterOpener.class).open(sealed, "tip-1", "msg-1")).isEqualTo(QUESTION);
            byte[] forInbox = context.getBean(Sealer.class).seal(QUESTION, "tip-1");
            assertThatThrownBy(() -> context.getBean(TipsterOpener.class).open(forInbox, "tip-1", "msg-1"))
                    .isInstanceOf(SealingException.class);
        });
    }

    @Test
    void aMissingTipsterKeysetNamesItsProperty() {
        runner.withUserConfiguration(NeedsTipsterOpener.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(new MissingKeysetFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
                    .contains("vaksam.sealing.tipster.private-keyset");
        });
    }

    static class NeedsTipsterOpener {
        NeedsTipsterOpener(TipsterOpener opener) {
        }
    }
}
