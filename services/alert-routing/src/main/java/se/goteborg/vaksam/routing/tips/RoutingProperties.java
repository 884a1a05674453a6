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
public record RoutingProperties(@DefaultValue("classpath:routing-rules-v1.yaml") String rules,
                                @DefaultValue("10s") Duration assessmentWait,
                                @DefaultValue("1s") Duration sweepInterval) {
}
