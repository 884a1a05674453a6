package se.goteborg.vaksam.premises.page;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.i18n.LocaleContextResolver;

import reactor.core.publisher.Mono;

/**
 * The pages' language: Swedish unless the visitor chose English with the switch link ({@code ?lang=en}, remembered in
 * a cookie) or their browser asks for English before Swedish. Only Swedish and English exist, so nothing else is
 * ever picked. Registered under the name WebFlux looks up, so it replaces the default Accept-Language resolver.
 */
@Component("localeContextResolver")
class PageLanguage implements LocaleContextResolver, WebFilter {

    static final String PARAMETER = "lang";
    static final String COOKIE = "vaksam_lang";
    static final Locale SWEDISH = Locale.forLanguageTag("sv");
    static final List<Locale> SUPPORTED = List.of(SWEDISH, Locale.ENGLISH);
    private static final Duration REMEMBERED = Duration.ofDays(365);

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        Locale locale = chosen(exchange.getRequest().getQueryParams().getFirst(PARAMETER))
                .or(() -> Optional.ofNullable(exchange.getRequest().getCookies().getFirst(COOKIE))
                        .map(HttpCookie::getValue).flatMap(PageLanguage::chosen))
                .or(() -> accepted(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE)))
                .orElse(SWEDISH);
        return new SimpleLocaleContext(locale);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("The language is chosen with ?" + PARAMETER + "=, see filter()");
    }

    /** Remembers a language chosen with the switch link. */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(Pages.PATH)) {
            return chain.filter(exchange);
        }
        chosen(exchange.getRequest().getQueryParams().getFirst(PARAMETER)).ifPresent(locale ->
                exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale.getLanguage())
                        .path(Pages.PATH)
                        .maxAge(REMEMBERED)
                        .httpOnly(true)
                        .secure("https".equals(exchange.getRequest().getURI().getScheme()))
                        .sameSite("Lax")
                        .build()));
        return chain.filter(exchange);
    }

    private static Optional<Locale> chosen(String language) {
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }

    private static Optional<Locale> accepted(String header) {
        if (header == null || header.isBlank() || header.length() > 512) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
