package se.goteborg.vaksam.web.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;

/** Problem details for every error, and the request body limit, in every reactive web service. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(VaksamWebProperties.class)
public class ProblemAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemWebExceptionHandler problemWebExceptionHandler(ServerCodecConfigurer codecs) {
		return new ProblemWebExceptionHandler(codecs);
	}

	@Bean
	@ConditionalOnMissingBean
	MaxBodySizeWebFilter maxBodySizeWebFilter(VaksamWebProperties properties) {
		return new MaxBodySizeWebFilter(properties);
	}

}
