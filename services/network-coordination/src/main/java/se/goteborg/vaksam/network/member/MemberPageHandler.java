package se.goteborg.vaksam.network.member;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.member.MemberService.AlreadyEnrolled;
import se.goteborg.vaksam.network.page.Pages;
import se.goteborg.vaksam.qr.QrCodes;
import se.goteborg.vaksam.web.page.PageLanguage;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The coordinators' member pages: the list with filters, enrolment, a member's page, the edit form, suspension,
 * revocation and a new key (each of the last two after a confirmation), and the key page. Every form is harmless to
 * send twice: an enrolment carries a submission id that becomes the member's id, an edit or a new key carries the
 * version it was made on, and suspending, activating and revoking change a member once. Changes are answered with a
 * redirect (303) to the member's page with a confirmation; an issued key is answered with the key page itself, as
 * the key is kept nowhere: its page, its QR code files and its printable enrolment sheet exist only in that answer
 * (never cached) and in what the coordinator posts back from it, never in an address or a log.
 */
@Component
class MemberPageHandler {

    static final String PATH = Pages.PATH + "/members";
    private static final String MEMBER = PATH + "/{memberId}";
    private static final Set<String> CONFIRMATIONS = Set.of("edited", "suspended", "activated", "revoked",
            "alreadyEnrolled", "keyNotIssued", "isRevoked");
    /** Pixels to a module's side in the PNG: about 5 cm across when printed at 300 dpi. */
    private static final int PNG_MODULE_PIXELS = 12;
    private static final Locale ENGLISH = Locale.ENGLISH;

    private final MemberService service;
    private final EnrolmentLinks links;
    private final MessageSource messages;

    MemberPageHandler(MemberService service, EnrolmentLinks links, MessageSource messages) {
        this.service = service;
        this.links = links;
        this.messages = messages;
    }

    /** The list's filters as chosen: each a code, or empty for any. */
    record Filter(String type, String status, String district) {

        public boolean any() {
            return !type.isEmpty() || !status.isEmpty() || !district.isEmpty();
        }
    }

    /**
     * The staff's enrolment sheet in one language ({@code lang}): printed from the key page and put up where only
     * staff see it.
     */
    record Sheet(String lang, String title, String intro, List<String> steps, String anonymous, String safety,
                 String keep) {
    }

    Mono<ServerResponse> list(ServerRequest request) {
        Filter filter = new Filter(query(request, "type"), query(request, "status"), query(request, "district"));
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<MemberType> type = code(MemberType.class, filter.type(), "type", errors);
        Optional<MemberStatus> status = code(MemberStatus.class, filter.status(), "status", errors);
        Optional<District> district = code(District.class, filter.district(), "district", errors);
        Mono<List<Member>> rows = !errors.isEmpty() ? Mono.just(List.of()) : service.list()
                .filter(m -> type.map(t -> m.type() == t).orElse(true))
                .filter(m -> status.map(s -> m.status() == s).orElse(true))
                .filter(m -> district.map(d -> d == m.profile().district()).orElse(true))
                .collectList();
        String switchPath = UriComponentsBuilder.fromPath(PATH).queryParams(filterParameters(filter)).build()
                .encode().toUriString();
        return rows.flatMap(members -> Pages.model(request, switchPath).flatMap(model -> {
            model.put("filter", filter);
            model.put("errors", errors);
            model.put("members", members);
            model.put("types", MemberType.values());
            model.put("statuses", MemberStatus.values());
            model.put("districts", District.values());
            return PageResponses.render(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                    "network/members/list", model);
        }));
    }

    Mono<ServerResponse> enrolForm(ServerRequest request) {
        return form(request, HttpStatus.OK, null, MemberForm.blank(service.today()), Map.of());
    }

    /** Enrols and answers with the key page; the same form sent again leads to the member it enrolled. */
    Mono<ServerResponse> enrol(ServerRequest request) {
        return request.formData().map(MemberForm::typed).flatMap(typed -> MemberRequests
                .check(typed.request(), service.today())
                .flatMap(profile -> service.enrol(typed.memberId(), profile))
                .flatMap(issued -> keyPage(request, HttpStatus.CREATED, issued, true))
                .onErrorResume(AlreadyEnrolled.class,
                        e -> ServerResponse.seeOther(memberPath(e.member().memberId(), "alreadyEnrolled")).build())
                .onErrorResume(InvalidFieldsException.class,
                        e -> form(request, HttpStatus.BAD_REQUEST, null, typed, MemberForm.errors(e))));
    }

    Mono<ServerResponse> member(ServerRequest request) {
        String done = request.queryParam("done").filter(CONFIRMATIONS::contains).orElse(null);
        return service.get(memberId(request)).flatMap(member -> Pages.model(request, memberPath(member.memberId(),
                null).toString()).flatMap(model -> {
                    model.put("member", member);
                    model.put("done", done);
                    return PageResponses.render(HttpStatus.OK, "network/members/member", model);
                }));
    }

    Mono<ServerResponse> editForm(ServerRequest request) {
        return unlessRevoked(request, member -> form(request, HttpStatus.OK, member, MemberForm.of(member),
                Map.of()));
    }

    /**
     * Saves the edit made on the version the form carries: if someone else changed the member since, the conflict
     * page says so and nothing is saved.
     */
    Mono<ServerResponse> edit(ServerRequest request) {
        return unlessRevoked(request, member -> request.formData().map(MemberForm::typed).flatMap(typed -> {
            Long version = typed.expectedVersion();
            if (version == null) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "The form has no version."));
            }
            return MemberRequests.check(typed.request(), service.today())
                    .flatMap(profile -> service.edit(member.memberId(), profile, version))
                    .flatMap(edited -> ServerResponse.seeOther(memberPath(edited.memberId(), "edited")).build())
                    .onErrorResume(InvalidFieldsException.class,
                            e -> form(request, HttpStatus.BAD_REQUEST, member, typed, MemberForm.errors(e)));
        }));
    }

    Mono<ServerResponse> suspend(ServerRequest request) {
        return unlessRevoked(request, member -> service.suspend(member.memberId())
                .flatMap(suspended -> ServerResponse.seeOther(memberPath(suspended.memberId(), "suspended")).build()));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return unlessRevoked(request, member -> service.activate(member.memberId())
                .flatMap(active -> ServerResponse.seeOther(memberPath(active.memberId(), "activated")).build()));
    }

    Mono<ServerResponse> revokeConfirmation(ServerRequest request) {
        return unlessRevoked(request, member -> confirmation(request, member, "revoke"));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return service.revoke(memberId(request))
                .flatMap(revoked -> ServerResponse.seeOther(memberPath(revoked.memberId(), "revoked")).build());
    }

    Mono<ServerResponse> keyConfirmation(ServerRequest request) {
        return unlessRevoked(request, member -> confirmation(request, member, "key"));
    }

    /**
     * Issues a new key in place of every earlier one, if the member is still at the version the confirmation showed:
     * sent twice, the second finds the member changed by the first and issues nothing, so the key shown is the one
     * that works.
     */
    Mono<ServerResponse> issueKey(ServerRequest request) {
        return unlessRevoked(request, member -> request.formData().map(MemberForm::typed)
                .flatMap(typed -> Mono.justOrEmpty(typed.expectedVersion())
                        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                                "The form has no version.")))
                        .flatMap(version -> service.rotateKey(member.memberId(), version)))
                .flatMap(issued -> keyPage(request, HttpStatus.OK, issued, false))
                .onErrorResume(e -> e instanceof ResponseStatusException refused
                                && refused.getStatusCode().value() == HttpStatus.PRECONDITION_FAILED.value(),
                        e -> ServerResponse.seeOther(memberPath(member.memberId(), "keyNotIssued")).build()));
    }

    /**
     * The enrolment link's QR code as a file ({@code format} png or svg), drawn from the key the key page posts back,
     * so that the key travels in no address. Only the member's current key is drawn.
     */
    Mono<ServerResponse> enrolmentCode(ServerRequest request) {
        return request.formData().flatMap(form -> service.get(memberId(request)).flatMap(member -> {
            String key = Optional.ofNullable(form.getFirst("key")).orElse("");
            String format = Optional.ofNullable(form.getFirst("format")).orElse("");
            if (key.isEmpty() || !member.intakeKeyHashes().contains(IntakeKeys.hash(key))) {
                return Pages.message(request, HttpStatus.CONFLICT, "members.keyReplaced");
            }
            String link = links.url(key);
            String title = messages.getMessage("members.key.qrTitle", new Object[] {member.name()},
                    PageResponses.locale(request));
            return switch (format) {
                case "png" -> file(QrCodes.png(link, PNG_MODULE_PIXELS), MediaType.IMAGE_PNG, member, "png");
                case "svg" -> file(QrCodes.svgFile(link, title), MediaType.valueOf("image/svg+xml"), member, "svg");
                default -> Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such format."));
            };
        }));
    }

    private Mono<ServerResponse> form(ServerRequest request, HttpStatus status, Member member, MemberForm form,
                                      Map<String, String> errors) {
        String switchPath = member == null ? PATH + "/new" : memberPath(member.memberId(), null) + "/edit";
        return Pages.model(request, switchPath).flatMap(model -> {
            model.put("member", member);
            model.put("form", form);
            model.put("errors", errors);
            model.put("types", MemberType.values());
            model.put("districts", District.values());
            model.put("today", service.today().toString());
            model.put("maxName", MemberRequests.MAX_NAME_LENGTH);
            model.put("maxStreet", MemberRequests.MAX_STREET_LENGTH);
            model.put("maxCity", MemberRequests.MAX_CITY_LENGTH);
            model.put("maxEmail", MemberRequests.MAX_EMAIL_LENGTH);
            return PageResponses.render(status, "network/members/form", model);
        });
    }

    private Mono<ServerResponse> confirmation(ServerRequest request, Member member, String action) {
        return Pages.model(request, memberPath(member.memberId(), null) + "/" + action).flatMap(model -> {
            model.put("member", member);
            model.put("action", action);
            return PageResponses.render(HttpStatus.OK, "network/members/confirm", model);
        });
    }

    /**
     * The key, its enrolment link and QR code, and the enrolment sheet in Swedish and English whatever the page's
     * language: the staff room may need either. The language switch leads to the member's page: the key cannot be
     * shown again.
     */
    private Mono<ServerResponse> keyPage(ServerRequest request, HttpStatus status, IssuedKey issued, boolean enrolled) {
        Member member = issued.member();
        String link = links.url(issued.intakeKey());
        String title = messages.getMessage("members.key.qrTitle", new Object[] {member.name()},
                PageResponses.locale(request));
        return Pages.model(request, memberPath(member.memberId(), null).toString()).flatMap(model -> {
            model.put("member", member);
            model.put("intakeKey", issued.intakeKey());
            model.put("enrolmentUrl", link);
            model.put("qr", QrCodes.svg(link, "qr-title", title));
            model.put("enrolled", enrolled);
            model.put("sheets", List.of(sheet(PageLanguage.SWEDISH, member), sheet(ENGLISH, member)));
            return PageResponses.render(status, "network/members/key", model);
        });
    }

    private Sheet sheet(Locale locale, Member member) {
        Function<String, String> text = key -> messages.getMessage("members.sheet." + key,
                new Object[] {member.name(), links.intakeUrl()}, locale);
        return new Sheet(locale.getLanguage(), text.apply("title"), text.apply("intro"),
                List.of(text.apply("step1"), text.apply("step2"), text.apply("step3"), text.apply("step4")),
                text.apply("anonymous"), text.apply("safety"), text.apply("keep"));
    }

    /** {@code action} on the member, unless it is revoked: then its page says so, and nothing is done. */
    private Mono<ServerResponse> unlessRevoked(ServerRequest request, Function<Member, Mono<ServerResponse>> action) {
        return service.get(memberId(request)).flatMap(member -> member.status() == MemberStatus.REVOKED
                ? ServerResponse.seeOther(memberPath(member.memberId(), "isRevoked")).build()
                : action.apply(member));
    }

    /** Never cached and saved under the member's organisation number, not shown in the browser. */
    private static Mono<ServerResponse> file(byte[] content, MediaType type, Member member, String extension) {
        String name = "vaksam-" + (member.profile().orgNumber() == null ? member.memberId()
                : member.profile().orgNumber()) + "." + extension;
        return ServerResponse.ok().contentType(type).cacheControl(CacheControl.noStore())
                .headers(headers -> headers.setContentDisposition(ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build()))
                .bodyValue(content);
    }

    private static URI memberPath(String memberId, String done) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath(MEMBER);
        if (done != null) {
            path.queryParam("done", done);
        }
        return path.buildAndExpand(memberId).encode().toUri();
    }

    private static String memberId(ServerRequest request) {
        return request.pathVariable("memberId");
    }

    private static String query(ServerRequest request, String name) {
        return request.queryParam(name).map(String::strip).orElse("");
    }

    /** The code chosen for {@code field}, empty for any; a value that is no code is an error of the field. */
    private static <E extends Enum<E>> Optional<E> code(Class<E> type, String value, String field,
                                                        Map<String, String> errors) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<E> code = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst();
        if (code.isEmpty()) {
            errors.put(field, "members.error.filter." + field);
        }
        return code;
    }

    private static MultiValueMap<String, String> filterParameters(Filter filter) {
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("type", filter.type());
        chosen.put("status", filter.status());
        chosen.put("district", filter.district());
        chosen.forEach((name, value) -> {
            if (!value.isEmpty()) {
                kept.add(name, value);
            }
        });
        return kept;
    }
}
