package se.goteborg.vaksam.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vaksam.gateway.*-uri}: where each service listens. The defaults are the local ports of the
 * shared runtime contract.
 */
@ConfigurationProperties("vaksam.gateway")
public record ServiceUris(@DefaultValue("http://localhost:9000") URI identityUri,
		@DefaultValue("http://localhost:8081") URI tipIntakeUri,
		@DefaultValue("http://localhost:8082") URI premisesRiskUri,
		@DefaultValue("http://localhost:8083") URI alertRoutingUri,
		@DefaultValue("http://localhost:8084") URI alertInboxUri,
		@DefaultValue("http://localhost:8085") URI networkCoordinationUri) {
}
