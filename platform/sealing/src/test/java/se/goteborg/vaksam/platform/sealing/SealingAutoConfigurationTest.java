package se.goteborg.vaksam.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SealingAutoConfigurationTest {

    private static final Keysets.KeysetPair PAIR = Keysets.generate();
    private static final byte[] CONTENT = "details".getBytes(StandardCharsets.UTF_8);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SealingAutoConfiguration.class));

    @Test
    void noKeysetAndNoDemoGiveNeitherBean() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Sealer.class).doesNotHaveBean(Opener.class);
        });
    }

    @Test
    void aPublicKeysetGivesOnlyASealer() {
        runner.withPropertyValues("vaksam.sealing.public-keyset=" + PAIR.publicKeyset())
                .run(context -> assertThat(context).hasSingleBean(Sealer.class).doesNotHaveBean(Opener.class));
    }

    @Test
    void keysetsFromFilesMakeAWorkingPair(@TempDir Path directory) throws Exception {
        Path publicFile = Files.writeString(directory.resolve("public.json"), PAIR.publicKeyset());
        Path privateFile = Files.writeString(directory.resolve("private.json"), PAIR.privateKeyset());
        runner.withPropertyValues("vaksam.sealing.public-keyset-file=" + publicFile,
                        "vaksam.sealing.private-keyset-file=" + privateFile)
                .run(context -> {
                    byte[] sealed = context.getBean(Sealer.class).seal(CONTENT, "tip-1");
                    assertThat(context.getBean(Opener.class).open(sealed, "tip-1")).isEqualTo(CONTENT);
                });
    }

    @Test
    void theDemoGivesTheDemoPairOnlyWhenNothingIsConfigured() {
        runner.withPropertyValues("vaksam.demo.enabled=true").run(context -> {
            byte[] sealed = context.getBean(Sealer.class).seal(CONTENT, "tip-1");
            assertThat(context.getBean(Opener.class).open(sealed, "tip-1")).isEqualTo(CONTENT);
        });
        runner.withPropertyValues("vaksam.demo.enabled=true", "vaksam.sealing.public-keyset=" + PAIR.publicKeyset(),
                        "vaksam.sealing.private-keyset=" + PAIR.privateKeyset())
                .run(context -> {
                    byte[] sealed = context.getBean(Sealer.class).seal(CONTENT, "tip-1");
                    assertThat(Opener.fromPrivateKeyset(PAIR.privateKeyset()).open(sealed, "tip-1")).isEqualTo(CONTENT);
                });
    }

    @Test
    void aPrivateKeysetWhereThePublicBelongsFailsTheStart() {
        runner.withPropertyValues("vaksam.sealing.public-keyset=" + PAIR.privateKeyset())
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("Not a public Tink keyset"));
    }

    @Test
    void bothFormsOfOneKeysetFailTheStart() {
        runner.withPropertyValues("vaksam.sealing.public-keyset=" + PAIR.publicKeyset(),
                        "vaksam.sealing.public-keyset-file=/etc/vaksam/public.json")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("not both"));
    }

    @Test
    void aServiceThatNeedsAMissingKeysetIsToldWhatToSet() {
        runner.withUserConfiguration(NeedsSealer.class).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MissingKeysetFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("vaksam.sealing.public-keyset", "vaksam.demo.enabled");
        });
        FailureAnalysis other = new MissingKeysetFailureAnalyzer().analyze(new NoSuchBeanDefinitionException(String.class));
        assertThat(other).isNull();
    }

    static class NeedsSealer {
        NeedsSealer(Sealer sealer) {
        }
    }
}
