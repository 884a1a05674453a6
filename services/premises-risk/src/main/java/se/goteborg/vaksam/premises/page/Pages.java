package se.goteborg.vaksam.premises.page;

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

/** What every lettings page shares: language, the logged-in user, the CSRF token for its forms, dates. */
final class Pages {

    static final String PATH = "/lettings";

    private Pages() {
    }

    static Locale locale(ServerRequest request) {
        Locale locale = request.exchange().getLocaleContext().getLocale();
        return locale == null ? PageLanguage.SWEDISH : locale;
    }

    /**
     * The model every page template expects: {@code lang}, the switch link's language and target ({@code switchPath},
     * the page itself or, for pages rendered from a POST, the page that starts over), {@code user} (the token's
     * subject, for the header), {@code csrf} for its forms and {@code dates} to show times in Swedish time.
     */
    static Mono<Map<String, Object>> model(ServerRequest request, String switchPath) {
        String lang = locale(request).getLanguage();
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("otherLang", "sv".equals(lang) ? "en" : "sv");
        model.put("switchPath", switchPath);
        model.put("dates", PageDates.INSTANCE);
        Mono<CsrfToken> token = request.exchange().getAttribute(CsrfToken.class.getName());
        Mono<Map<String, Object>> withCsrf = token == null ? Mono.just(model) : token.map(csrf -> {
            model.put("csrf", csrf);
            return model;
        }).defaultIfEmpty(model);
        return withCsrf.flatMap(page -> VaksamCaller.current().map(caller -> {
            page.put("user", caller.subject());
            return page;
        }).defaultIfEmpty(page));
    }

    /** Pages never go into a cache: they show which premises are suspected. */
    static Mono<ServerResponse> render(HttpStatus status, String template, Map<String, Object> model) {
        return ServerResponse.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .render(template, model);
    }

    /** A page that only says something: {@code message.<key>.title} and {@code .text}. */
    static Mono<ServerResponse> message(ServerRequest request, HttpStatus status, String key) {
        return model(request, PATH).flatMap(model -> {
            model.put("messageKey", key);
            return render(status, "lettings/message", model);
        });
    }
}
