package se.goteborg.vaksam.network.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import se.goteborg.vaksam.web.page.PageConfiguration;
import se.goteborg.vaksam.web.page.PageSite;

/**
 * The coordinators' pages under {@code /network}: each feature routes its own pages (figures the dashboard at
 * {@code /network}, members, bulletins, meetings, reports); static assets are served from {@code /network/assets/**}.
 */
@Configuration(proxyBeanMethods = false)
@Import(PageConfiguration.class)
class PageSiteConfiguration {

    /** Refusals and other errors on the coordinators' pages are shown as pages, in the visitor's language. */
    @Bean
    PageSite pageSite() {
        return new PageSite(Pages.PATH, Pages::error);
    }
}
