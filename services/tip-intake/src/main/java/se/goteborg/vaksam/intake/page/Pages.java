package se.goteborg.vaksam.intake.page;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.member.Enrolment;
import se.goteborg.vaksam.intake.member.Enrolment.EnrolledMember;

/** What every intake page shares: language, the CSRF token for its forms, the device's member cookie. */
final class Pages {

    static final String MEMBER_COOKIE = "vaksam_member";
    static final String PATH = "/intake";

    private Pages() {
    }

    static Locale locale(ServerRequest request) {
        Locale locale = request.exchange().getLocaleContext().getLocale();
        return locale == null ? PageLanguage.SWEDISH : locale;
    }

    /**
     * The model every page template expects: {@code lang}, the switch link's language and target, and {@code csrf}
     * for its forms. {@code switchPath} is where the language link leads: the page itself, or for pages rendered
     * from a POST the page that starts over.
     */
    static Mono<Map<String, Object>> model(ServerRequest request, String switchPath) {
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

    /** Pages never go into a cache: they may show a receipt code or what someone typed. */
    static Mono<ServerResponse> render(HttpStatus status, String template, Map<String, Object> model) {
        return ServerResponse.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .render(template, model);
    }

    /** A page that only says something: {@code message.<key>.title} and {@code .text}. */
    static Mono<ServerResponse> message(ServerRequest request, HttpStatus status, String key, String switchPath) {
        return model(request, switchPath).flatMap(model -> {
            model.put("messageKey", key);
            return render(status, "intake/message", model);
        });
    }

    private static String memberCookie(ServerRequest request) {
        HttpCookie cookie = request.cookies().getFirst(MEMBER_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** The enrolled member of this device, if its cookie is valid and the member may still report. */
    static Mono<EnrolledMember> member(ServerRequest request, Enrolment enrolment) {
        String value = memberCookie(request);
        return value == null ? Mono.empty() : enrolment.byCookie(value);
    }

    /** The member cookie of a device just enrolled: a year, for this service's pages only, never to scripts. */
    static ResponseCookie enrolledCookie(ServerRequest request, String value) {
        return memberCookie(request, value, Enrolment.COOKIE_MAX_AGE);
    }

    static ResponseCookie clearedCookie(ServerRequest request) {
        return memberCookie(request, "", Duration.ZERO);
    }

    private static ResponseCookie memberCookie(ServerRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(MEMBER_COOKIE, value)
                .path(PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure("https".equals(request.uri().getScheme()))
                .sameSite("Lax")
                .build();
    }

    /** The form a member's staff report on: taxi firms report trips, everyone else premises. */
    static String form(EnrolledMember member) {
        return member.reportsTrips() ? PATH + "/taxi" : PATH + "/hotel";
    }
}
