package se.goteborg.vaksam.identity.page;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of identity's pages: Swedish unless the person chose English with the switch link ({@code ?lang=en},
 * remembered in a cookie) or their browser asks for English before Swedish. Only Swedish and English exist. The same
 * rule as the services' pages, for the servlet stack.
 */
final class PageLanguage implements LocaleResolver, HandlerInterceptor {

	static final String PARAMETER = "lang";

	static final String COOKIE = "vaksam_identity_lang";

	static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private static final List<Locale> SUPPORTED = List.of(SWEDISH, Locale.ENGLISH);

	private static final Duration REMEMBERED = Duration.ofDays(365);

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return chosen(request.getParameter(PARAMETER)).or(() -> cookie(request))
			.or(() -> accepted(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
			.orElse(SWEDISH);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language is chosen with ?" + PARAMETER + "=");
	}

	/** Remembers a language chosen with the switch link. */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		chosen(request.getParameter(PARAMETER)).ifPresent(locale -> response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(COOKIE, locale.getLanguage())
					.path("/")
					.maxAge(REMEMBERED)
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.build()
					.toString()));
		return true;
	}

	private static Optional<Locale> cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return chosen(cookie.getValue());
			}
		}
		return Optional.empty();
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
