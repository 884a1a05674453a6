package se.goteborg.vaksam.routing.tips;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vaksam.routing.*}.
 *
 * @param rules          the routing rules file
 * @param assessmentWait how long a tip waits for its premises assessment before it is routed without it
 * @param sweepInterval  how often tips that waited long enough are looked for
 */
@ConfigurationProperties("vaksam.routing")
public record RoutingProperties(@DefaultValue(RoutingProperties.DEFAULT_RULES) String rules,
                                @DefaultValue("10s") Duration assessmentWait,
                                @DefaultValue("1s") Duration sweepInterval) {

    /** The rules version in force unless configured otherwise. */
    public static final String DEFAULT_RULES = "classpath:routing-rules-v2.yaml";
}
