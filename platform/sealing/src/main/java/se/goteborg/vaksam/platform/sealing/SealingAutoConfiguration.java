package se.goteborg.vaksam.platform.sealing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A {@link Sealer} bean where a public keyset is configured, an {@link Opener} where a private one is; likewise a
 * {@link TipsterSealer} and a {@link TipsterOpener} for the tipster pair ({@code vaksam.sealing.tipster.*}). With
 * {@code vaksam.demo.enabled=true} and nothing configured, both come from the repository's demo keysets. A service
 * that needs one that is not configured fails to start, explained by {@link MissingKeysetFailureAnalyzer}.
 */
@AutoConfiguration
@EnableConfigurationProperties(SealingProperties.class)
public class SealingAutoConfiguration {

    private static final String DEMO = "vaksam.demo.enabled";

    private final boolean demo;

    SealingAutoConfiguration(@Value("${" + DEMO + ":false}") boolean demo) {
        this.demo = demo;
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(PublicKeysetAvailable.class)
    Sealer sealer(SealingProperties properties) {
        return Sealer.fromPublicKeyset(KeysetSource.publicKeyset(properties, demo));
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(PrivateKeysetAvailable.class)
    Opener opener(SealingProperties properties) {
        return Opener.fromPrivateKeyset(KeysetSource.privateKeyset(properties, demo));
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(TipsterPublicKeysetAvailable.class)
    TipsterSealer tipsterSealer(SealingProperties properties) {
        return TipsterSealer.fromPublicKeyset(KeysetSource.tipsterPublicKeyset(properties, demo));
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(TipsterPrivateKeysetAvailable.class)
    TipsterOpener tipsterOpener(SealingProperties properties) {
        return TipsterOpener.fromPrivateKeyset(KeysetSource.tipsterPrivateKeyset(properties, demo));
    }

    static class PublicKeysetAvailable extends AnyNestedCondition {

        PublicKeysetAvailable() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("vaksam.sealing.public-keyset")
        static class Inline {
        }

        @ConditionalOnProperty("vaksam.sealing.public-keyset-file")
        static class File {
        }

        @ConditionalOnBooleanProperty(DEMO)
        static class Demo {
        }
    }

    static class PrivateKeysetAvailable extends AnyNestedCondition {

        PrivateKeysetAvailable() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("vaksam.sealing.private-keyset")
        static class Inline {
        }

        @ConditionalOnProperty("vaksam.sealing.private-keyset-file")
        static class File {
        }

        @ConditionalOnBooleanProperty(DEMO)
        static class Demo {
        }
    }

    static class TipsterPublicKeysetAvailable extends AnyNestedCondition {

        TipsterPublicKeysetAvailable() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("vaksam.sealing.tipster.public-keyset")
        static class Inline {
        }

        @ConditionalOnProperty("vaksam.sealing.tipster.public-keyset-file")
        static class File {
        }

        @ConditionalOnBooleanProperty(DEMO)
        static class Demo {
        }
    }

    static class TipsterPrivateKeysetAvailable extends AnyNestedCondition {

        TipsterPrivateKeysetAvailable() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("vaksam.sealing.tipster.private-keyset")
        static class Inline {
        }

        @ConditionalOnProperty("vaksam.sealing.tipster.private-keyset-file")
        static class File {
        }

        @ConditionalOnBooleanProperty(DEMO)
        static class Demo {
        }
    }
}
