package se.goteborg.vaksam.identity.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.DispatcherServlet;

/** identity's own pages (login, code, second factor): their language. */
@Configuration(proxyBeanMethods = false)
class PageConfiguration implements WebMvcConfigurer {

	private final PageLanguage language = new PageLanguage();

	/** Under the name the dispatcher looks up, so it replaces the Accept-Language resolver. */
	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return this.language;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.language);
	}

}
