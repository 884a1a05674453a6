package se.goteborg.vaksam.web.page;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * What a service with server-rendered pages imports: {@link PageLanguage} for its pages (under the name WebFlux looks
 * up, so it replaces the default Accept-Language resolver) and {@link PageErrorHandler}, both for the service's
 * {@link PageSite} bean. Not auto-configured, so services without pages are left alone:
 *
 * <pre>{@code
 * @Configuration(proxyBeanMethods = false)
 * @Import(PageConfiguration.class)
 * class PageRouter {
 *     @Bean
 *     PageSite pageSite() {
 *         return new PageSite("/lettings", Pages::error);
 *     }
 * }
 * }</pre>
 *
 * Deliberately not a {@code @Configuration}: a component scan of the library (as its own tests do) must not pick it
 * up; {@code @Import} alone is how a service opts in.
 */
public class PageConfiguration {

	@Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
	public PageLanguage localeContextResolver(PageSite site) {
		return new PageLanguage(site.path());
	}

	@Bean
	public PageErrorHandler pageErrorHandler(PageSite site, ServerCodecConfigurer codecs,
			ObjectProvider<ViewResolver> viewResolvers) {
		return new PageErrorHandler(site.path(), codecs, viewResolvers, site.errorPage());
	}

}
