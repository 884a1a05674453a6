package se.goteborg.vaksam.intake.page;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.member.Enrolment;
import se.goteborg.vaksam.intake.member.Enrolment.EnrolledMember;
import se.goteborg.vaksam.web.page.PageResponses;

/** What every intake page shares: language, the CSRF token for its forms, the device's member cookie. */
final class Pages {

    static final String MEMBER_COOKIE = "vaksam_member";
    static final String PATH = "/intake";

    private Pages() {
    }

    /** The model every page template expects: see {@link PageResponses#model}. */
    static Mono<Map<String, Object>> model(ServerRequest request, String switchPath) {
        return PageResponses.model(request, switchPath);
    }

    /** A page that only says something: {@code message.<key>.title} and {@code .text}. */
    static Mono<ServerResponse> message(ServerRequest request, HttpStatus status, String key, String switchPath) {
        return PageResponses.message(model(request, switchPath), status, "intake/message", key);
    }

    /** The page for an error raised before or by a page handler. */
    static Mono<ServerResponse> error(ServerRequest request, HttpStatus status) {
        return message(request, status, messageKey(status), PATH);
    }

    static String messageKey(HttpStatusCode status) {
        return switch (status.value()) {
            case 429 -> "tooManyRequests";
            case 403 -> "formExpired";
            case 404, 405 -> "notFound";
            case 413 -> "tooLarge";
            default -> "badRequest";
        };
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
