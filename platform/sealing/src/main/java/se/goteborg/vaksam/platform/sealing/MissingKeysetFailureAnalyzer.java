package se.goteborg.vaksam.platform.sealing;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Says which property to set when a service needs a {@link Sealer}, {@link Opener}, {@link TipsterSealer} or {@link TipsterOpener} and has no keyset for it. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingKeysetFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = cause.getBeanType();
        if (type == Sealer.class) {
            return analysis("seals content", "vaksam.sealing.public-keyset", cause);
        }
        if (type == Opener.class) {
            return analysis("opens sealed content", "vaksam.sealing.private-keyset", cause);
        }
        if (type == TipsterSealer.class) {
            return analysis("seals questions for tipsters", "vaksam.sealing.tipster.public-keyset", cause);
        }
        if (type == TipsterOpener.class) {
            return analysis("opens questions for tipsters", "vaksam.sealing.tipster.private-keyset", cause);
        }
        return null;
    }

    private static FailureAnalysis analysis(String what, String property, Throwable cause) {
        return new FailureAnalysis("This service " + what + " but has no keyset. "
                + KeysetSource.missingMessage(property) + ".",
                "Generate a key pair with se.goteborg.vaksam.platform.sealing.KeysetGenerator and configure "
                        + property + " or " + property + "-file.", cause);
    }
}
