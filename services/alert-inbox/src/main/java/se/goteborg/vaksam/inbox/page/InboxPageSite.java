package se.goteborg.vaksam.inbox.page;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import se.goteborg.vaksam.web.page.PageConfiguration;
import se.goteborg.vaksam.web.page.PageSite;

/**
 * The inbox's pages under {@value InboxPages#PATH} (the alert pages and the auditors' page): language, and refusals
 * and other errors shown as pages in the visitor's language. Static assets are served from
 * {@code /inbox/assets/**}.
 */
@Configuration(proxyBeanMethods = false)
@Import(PageConfiguration.class)
class InboxPageSite {

    @Bean
    PageSite pageSite() {
        return new PageSite(InboxPages.PATH, InboxPages::error);
    }
}
