package se.goteborg.vaksam.intake.page;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.bulletin.MemberBulletins;
import se.goteborg.vaksam.intake.member.Enrolment;
import se.goteborg.vaksam.web.page.PageResponses;

/**
 * The start page, enrolment and sign-out. Enrolment takes a POST from a confirmation page, so a link prefetcher or
 * preview bot that opens the enrolment link enrols nothing. An unknown and a revoked key look the same.
 */
@Component
class EnrolHandler {

    private final Enrolment enrolment;
    private final MemberBulletins bulletins;

    EnrolHandler(Enrolment enrolment, MemberBulletins bulletins) {
        this.enrolment = enrolment;
        this.bulletins = bulletins;
    }

    /** The start page; on an enrolled device, with the link to its form and the bulletins for its member. */
    Mono<ServerResponse> start(ServerRequest request) {
        return Pages.model(request, request.path())
                .flatMap(model -> Pages.member(request, enrolment)
                        .flatMap(member -> {
                            model.put("member", member);
                            model.put("formPath", Pages.form(member));
                            return bulletins.shownTo(member, (String) model.get("lang"))
                                    .doOnNext(shown -> model.put("bulletins", shown));
                        })
                        .then(Mono.defer(() -> PageResponses.render(HttpStatus.OK, "intake/start", model))));
    }

    Mono<ServerResponse> confirm(ServerRequest request) {
        String key = request.pathVariable("memberKey");
        return enrolment.byKey(key)
                .flatMap(member -> Pages.model(request, request.path()).flatMap(model -> {
                    model.put("enrolFor", member);
                    model.put("key", key);
                    return PageResponses.render(HttpStatus.OK, "intake/enrol", model);
                }))
                .switchIfEmpty(Mono.defer(() -> unknownKey(request)));
    }

    Mono<ServerResponse> enrol(ServerRequest request) {
        return request.formData()
                .flatMap(form -> enrolment.enrol(form.getFirst("key")))
                .flatMap(enrolled -> ServerResponse.seeOther(URI.create(Pages.form(enrolled.member())))
                        .cookie(Pages.enrolledCookie(request, enrolled.cookieValue()))
                        .build())
                .switchIfEmpty(Mono.defer(() -> unknownKey(request)));
    }

    Mono<ServerResponse> signOut(ServerRequest request) {
        return ServerResponse.seeOther(URI.create(Pages.PATH))
                .cookie(Pages.clearedCookie(request))
                .build();
    }

    private static Mono<ServerResponse> unknownKey(ServerRequest request) {
        return Pages.message(request, HttpStatus.NOT_FOUND, "unknownKey", Pages.PATH);
    }
}
