package se.goteborg.vaksam.network.bulletin;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.bulletin.BulletinRequests.BulletinRequest;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.page.Pages;
import se.goteborg.vaksam.web.page.PageDates;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The coordinators' bulletin pages: the list, the form that writes or edits one (times typed in Swedish time), and
 * a bulletin with each member's e-mail and the buttons that cancel, withdraw or send failed e-mails again. A new
 * bulletin's form carries a submission id that becomes its id, so sending the form twice schedules it once.
 */
@Component
class BulletinPageHandler {

    static final String PATH = Pages.PATH + "/bulletins";

    private static final Set<String> FORM_FIELDS = Set.of("titleSv", "titleEn", "bodySv", "bodyEn", "memberTypes",
            "districts", "publishAt", "expiresAt");
    private static final Set<String> DONE = Set.of("created", "edited", "cancelled", "withdrawn", "retried");

    private final BulletinService service;

    BulletinPageHandler(BulletinService service) {
        this.service = service;
    }

    /**
     * What the form shows: what was typed, or a bulletin's current content. Times are {@code datetime-local}
     * values in Swedish time; {@code version} is set when editing.
     */
    record BulletinForm(String submissionId, String version, String titleSv, String titleEn, String bodySv,
                        String bodyEn, List<String> memberTypes, List<String> districts, String publishAt,
                        String expiresAt) {

        static BulletinForm blank() {
            return new BulletinForm(UUID.randomUUID().toString(), "", "", "", "", "", List.of(), List.of(), "", "");
        }

        static BulletinForm of(Bulletin bulletin) {
            BulletinText text = bulletin.text();
            return new BulletinForm("", String.valueOf(bulletin.version()), text.titleSv(), text.titleEn(),
                    text.bodySv(), text.bodyEn(), bulletin.targets().memberTypes().stream().map(Enum::name).toList(),
                    bulletin.targets().districts().stream().map(Enum::name).toList(), local(bulletin.publishAt()),
                    local(bulletin.expiresAt()));
        }

        static BulletinForm of(MultiValueMap<String, String> form) {
            return new BulletinForm(text(form, "submissionId"), text(form, "version"), text(form, "titleSv"),
                    text(form, "titleEn"), raw(form, "bodySv"), raw(form, "bodyEn"),
                    form.getOrDefault("memberTypes", List.of()), form.getOrDefault("districts", List.of()),
                    text(form, "publishAt"), text(form, "expiresAt"));
        }

        /** The single-value fields by name, as the template puts them back into the form. */
        Map<String, String> typed() {
            return Map.of("titleSv", titleSv, "titleEn", titleEn, "bodySv", bodySv, "bodyEn", bodyEn,
                    "publishAt", publishAt, "expiresAt", expiresAt);
        }

        /** The check boxes ticked, by field. */
        Map<String, List<String>> checked() {
            return Map.of("memberTypes", memberTypes, "districts", districts);
        }

        /** The API's request: the times as instants of Swedish time, or as typed when they are no time at all. */
        BulletinRequest request() {
            return new BulletinRequest(titleSv, titleEn, bodySv, bodyEn, memberTypes, districts, iso(publishAt),
                    iso(expiresAt));
        }
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return service.list().collectList().flatMap(bulletins -> Pages.model(request, PATH).flatMap(model -> {
            model.put("bulletins", bulletins);
            model.put("now", service.now());
            return PageResponses.render(HttpStatus.OK, "network/bulletins/list", model);
        }));
    }

    Mono<ServerResponse> newForm(ServerRequest request) {
        return form(request, null, BulletinForm.blank(), Map.of(), HttpStatus.OK);
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return request.formData().flatMap(data -> {
            BulletinForm typed = BulletinForm.of(data);
            String bulletinId = isUuid(typed.submissionId()) ? typed.submissionId() : null;
            return BulletinRequests.check(typed.request(), service.now())
                    .flatMap(draft -> service.create(bulletinId, draft))
                    .flatMap(bulletin -> done(bulletin.bulletinId(), "created"))
                    .onErrorResume(InvalidFieldsException.class, e -> form(request, null,
                            bulletinId == null ? withSubmissionId(typed) : typed, errors(e), HttpStatus.BAD_REQUEST));
        });
    }

    Mono<ServerResponse> editForm(ServerRequest request) {
        return service.get(request.pathVariable("bulletinId")).flatMap(bulletin -> bulletin.state()
                == BulletinState.SCHEDULED ? form(request, bulletin, BulletinForm.of(bulletin), Map.of(), HttpStatus.OK)
                : seeOther(detailPath(bulletin.bulletinId(), null)));
    }

    Mono<ServerResponse> edit(ServerRequest request) {
        String bulletinId = request.pathVariable("bulletinId");
        return request.formData().flatMap(data -> {
            BulletinForm typed = BulletinForm.of(data);
            return BulletinRequests.check(typed.request(), service.now())
                    .flatMap(draft -> service.edit(bulletinId, draft, version(typed.version())))
                    .flatMap(bulletin -> done(bulletinId, "edited"))
                    .onErrorResume(InvalidFieldsException.class, e -> service.get(bulletinId)
                            .flatMap(bulletin -> form(request, bulletin, typed, errors(e), HttpStatus.BAD_REQUEST)));
        });
    }

    Mono<ServerResponse> detail(ServerRequest request) {
        String bulletinId = request.pathVariable("bulletinId");
        String done = request.queryParam("done").filter(DONE::contains).orElse(null);
        return service.detail(bulletinId).flatMap(detail ->
                Pages.model(request, detailPath(bulletinId, null).toString()).flatMap(model -> {
                    Instant now = service.now();
                    model.put("bulletin", detail.bulletin());
                    model.put("detail", detail);
                    model.put("now", now);
                    model.put("expired", detail.bulletin().expired(now));
                    model.put("done", done);
                    return PageResponses.render(HttpStatus.OK, "network/bulletins/detail", model);
                }));
    }

    Mono<ServerResponse> cancel(ServerRequest request) {
        String bulletinId = request.pathVariable("bulletinId");
        return service.cancel(bulletinId).then(done(bulletinId, "cancelled"));
    }

    Mono<ServerResponse> withdraw(ServerRequest request) {
        String bulletinId = request.pathVariable("bulletinId");
        return service.withdraw(bulletinId).then(done(bulletinId, "withdrawn"));
    }

    Mono<ServerResponse> retry(ServerRequest request) {
        String bulletinId = request.pathVariable("bulletinId");
        return service.retry(bulletinId).then(done(bulletinId, "retried"));
    }

    private Mono<ServerResponse> form(ServerRequest request, Bulletin bulletin, BulletinForm form,
                                      Map<String, String> errors, HttpStatus status) {
        String action = bulletin == null ? PATH : detailPath(bulletin.bulletinId(), null).toString();
        String switchPath = bulletin == null ? PATH + "/new" : action + "/edit";
        return Pages.model(request, switchPath).flatMap(model -> {
            model.put("bulletin", bulletin);
            model.put("form", form);
            model.put("typed", form.typed());
            model.put("checked", form.checked());
            model.put("action", action);
            model.put("errors", errors);
            model.put("memberTypes", MemberType.values());
            model.put("districts", District.values());
            model.put("maxTitle", BulletinRequests.MAX_TITLE_LENGTH);
            model.put("maxBody", BulletinRequests.MAX_BODY_LENGTH);
            return PageResponses.render(status, "network/bulletins/form", model);
        });
    }

    /** Each field at fault with the message key the page shows for it; anything else is the form as a whole. */
    private static Map<String, String> errors(InvalidFieldsException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            String field = problem.field().replaceAll("\\[\\d+]$", "");
            field = FORM_FIELDS.contains(field) ? field : "form";
            errors.putIfAbsent(field, "bulletins.error." + field);
        }
        return errors;
    }

    private static Mono<ServerResponse> done(String bulletinId, String what) {
        return seeOther(detailPath(bulletinId, what));
    }

    private static Mono<ServerResponse> seeOther(URI location) {
        return ServerResponse.seeOther(location).build();
    }

    private static URI detailPath(String bulletinId, String done) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath(PATH + "/{bulletinId}");
        if (done != null) {
            path.queryParam("done", done);
        }
        return path.buildAndExpand(bulletinId).encode().toUri();
    }

    /** A form whose submission id was missing or forged gets a fresh one, so sending it again still works once. */
    private static BulletinForm withSubmissionId(BulletinForm form) {
        return new BulletinForm(UUID.randomUUID().toString(), form.version(), form.titleSv(), form.titleEn(),
                form.bodySv(), form.bodyEn(), form.memberTypes(), form.districts(), form.publishAt(),
                form.expiresAt());
    }

    private static Long version(String value) {
        return value != null && value.matches("\\d{1,18}") ? Long.parseLong(value) : null;
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A {@code datetime-local} value in Swedish time as an instant with its offset; as typed when it is none. */
    private static String iso(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(PageDates.CITY_TIME).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, PageDates.CITY_TIME).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.strip();
    }

    private static String raw(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }
}
