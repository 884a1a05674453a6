package se.goteborg.vaksam.web.page;

import se.goteborg.vaksam.web.page.PageErrorHandler.ErrorPage;

/**
 * A service's server-rendered pages: where they live and how an error on them is shown. Declared as a bean next to
 * {@code @Import(PageConfiguration.class)}.
 *
 * @param path the pages' path, e.g. {@code /lettings}: the language cookie's path, and the errors answered as pages
 * (except under {@code path/assets/})
 * @param errorPage the page for a 4xx error on the pages
 */
public record PageSite(String path, ErrorPage errorPage) {
}
