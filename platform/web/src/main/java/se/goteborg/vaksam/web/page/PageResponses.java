package se.goteborg.vaksam.web.page;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.security.VaksamCaller;

/**
 * What every server-rendered page shares: its language, the model its layout expects and an HTML response that never
 * goes into a cache. The templates and the message keys are the service's.
 */
public final class PageResponses {

	private PageResponses() {
	}

	/** The language {@link PageLanguage} chose for this request; Swedish if none was. */
	public static Locale locale(ServerRequest request) {
		Locale locale = request.exchange().getLocaleContext().getLocale();
		return (locale != null) ? locale : PageLanguage.SWEDISH;
	}

	/**
	 * The model every page template expects: {@code lang}, the switch link's language ({@code otherLang}) and target
	 * ({@code switchPath}: the page itself, or for pages rendered from a POST the page that starts over), and
	 * {@code csrf} for its forms when the request has a CSRF token. The map is mutable, for the page's own entries.
	 */
	public static Mono<Map<String, Object>> model(ServerRequest request, String switchPath) {
		String lang = locale(request).getLanguage();
		Map<String, Object> model = new HashMap<>();
		model.put("lang", lang);
		model.put("otherLang", "sv".equals(lang) ? "en" : "sv");
		model.put("switchPath", switchPath);
		Mono<CsrfToken> token = request.exchange().getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.just(model);
		}
		return token.map(csrf -> {
			model.put("csrf", csrf);
			return model;
		}).defaultIfEmpty(model);
	}

	/**
	 * The model of a page people log in to: {@link #model}, with {@code user} (the token's subject, for the header)
	 * when there is a caller, and {@code dates} ({@link PageDates}) to show times in Swedish time.
	 */
	public static Mono<Map<String, Object>> personModel(ServerRequest request, String switchPath) {
		return model(request, switchPath).flatMap(page -> {
			page.put("dates", PageDates.INSTANCE);
			return VaksamCaller.current().map(caller -> {
				page.put("user", caller.subject());
				return page;
			}).defaultIfEmpty(page);
		});
	}

	/** {@code template} as UTF-8 HTML with {@code status}; never stored in a cache, pages may show what was typed. */
	public static Mono<ServerResponse> render(HttpStatus status, String template, Map<String, Object> model) {
		return ServerResponse.status(status)
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.render(template, model);
	}

	/**
	 * A page that only says something: {@code template} with {@code messageKey} set to {@code key} in
	 * {@code model}.
	 */
	public static Mono<ServerResponse> message(Mono<Map<String, Object>> model, HttpStatus status, String template,
			String key) {
		return model.flatMap(page -> {
			page.put("messageKey", key);
			return render(status, template, page);
		});
	}

}
