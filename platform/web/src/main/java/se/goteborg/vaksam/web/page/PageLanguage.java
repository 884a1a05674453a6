package se.goteborg.vaksam.web.page;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.i18n.LocaleContextResolver;

import reactor.core.publisher.Mono;

/**
 * The pages' language: Swedish unless the visitor chose English with the switch link ({@code ?lang=en}, remembered in
 * a cookie for the pages' path) or their browser asks for English before Swedish. Only Swedish and English exist, so
 * nothing else is ever picked.
 * <p>
 * {@link PageConfiguration} registers it for a service's {@link PageSite}, under the name WebFlux looks up, so it
 * replaces the default Accept-Language resolver, and as a {@link WebFilter}, which remembers a chosen language.
 */
public class PageLanguage implements LocaleContextResolver, WebFilter {

	/** The query parameter of the switch link. */
	public static final String PARAMETER = "lang";

	/** The cookie that remembers the chosen language, unless the service names another. */
	public static final String DEFAULT_COOKIE = "vaksam_lang";

	public static final Locale SWEDISH = Locale.forLanguageTag("sv");

	public static final List<Locale> SUPPORTED = List.of(SWEDISH, Locale.ENGLISH);

	private static final Duration REMEMBERED = Duration.ofDays(365);

	private final String path;

	private final String cookie;

	/** The language of the pages under {@code path}, remembered in {@link #DEFAULT_COOKIE}. */
	public PageLanguage(String path) {
		this(path, DEFAULT_COOKIE);
	}

	/** The language of the pages under {@code path} (also the cookie's path), remembered in {@code cookie}. */
	public PageLanguage(String path, String cookie) {
		this.path = path;
		this.cookie = cookie;
	}

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		Locale locale = chosen(exchange.getRequest().getQueryParams().getFirst(PARAMETER))
			.or(() -> Optional.ofNullable(exchange.getRequest().getCookies().getFirst(this.cookie))
				.map(HttpCookie::getValue)
				.flatMap(PageLanguage::chosen))
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
		if (!exchange.getRequest().getPath().value().startsWith(this.path)) {
			return chain.filter(exchange);
		}
		chosen(exchange.getRequest().getQueryParams().getFirst(PARAMETER))
			.ifPresent(locale -> exchange.getResponse()
				.addCookie(ResponseCookie.from(this.cookie, locale.getLanguage())
					.path(this.path)
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
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
