package se.goteborg.vaksam.premises.page;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.premises.notice.ActionRequest;
import se.goteborg.vaksam.premises.notice.LandlordAction;
import se.goteborg.vaksam.premises.notice.Notice;
import se.goteborg.vaksam.premises.notice.NoticeService;
import se.goteborg.vaksam.web.page.PageDates;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;
import se.goteborg.vaksam.web.security.VaksamCaller;

/**
 * The flagged premises and each one's notice, with the form a lettings user records the landlord's action on. The
 * form carries a submission id, so sending it twice (a double click, the back button) records the action once.
 */
@Component
class NoticePageHandler {

    private static final Set<String> FORM_FIELDS = Set.of("action", "takenOn", "reference");

    private final NoticeService notices;

    NoticePageHandler(NoticeService notices) {
        this.notices = notices;
    }

    /** What the action form shows: what was typed, or the defaults (today, a fresh submission id). */
    record ActionForm(String action, String takenOn, String reference, String submissionId) {
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return notices.list().flatMap(list -> Pages.model(request, Pages.PATH).flatMap(model -> {
            model.put("notices", list);
            model.put("capped", list.size() >= NoticeService.MAX_LISTED);
            model.put("maxListed", NoticeService.MAX_LISTED);
            return PageResponses.render(HttpStatus.OK, "lettings/notices", model);
        }));
    }

    Mono<ServerResponse> detail(ServerRequest request) {
        String premisesId = request.pathVariable("premisesId");
        ActionForm blank = new ActionForm("", notices.today().toString(), "", UUID.randomUUID().toString());
        return notices.get(premisesId).flatMap(notice -> page(request, notice, HttpStatus.OK, blank, Map.of(),
                request.queryParam("recorded").isPresent()));
    }

    Mono<ServerResponse> recordAction(ServerRequest request) {
        String premisesId = request.pathVariable("premisesId");
        return request.formData().flatMap(form -> {
            ActionForm typed = new ActionForm(text(form.getFirst("action")), text(form.getFirst("takenOn")),
                    text(form.getFirst("reference")), text(form.getFirst("submissionId")));
            ActionRequest action = new ActionRequest(typed.action(), typed.takenOn(), typed.reference());
            String submissionId = typed.submissionId().isEmpty() ? null : typed.submissionId();
            return VaksamCaller.current()
                    .flatMap(caller -> notices.recordAction(premisesId, action, caller.subject(), submissionId))
                    .flatMap(notice -> ServerResponse.seeOther(detailPath(notice.premisesId(), true)).build())
                    .onErrorResume(InvalidFieldsException.class, e -> notices.get(premisesId)
                            .flatMap(notice -> page(request, notice, HttpStatus.BAD_REQUEST, typed,
                                    errors(e), false)));
        });
    }

    private Mono<ServerResponse> page(ServerRequest request, Notice notice, HttpStatus status, ActionForm form,
                                      Map<String, String> errors, boolean recorded) {
        return Pages.model(request, detailPath(notice.premisesId(), false).toString()).flatMap(model -> {
            model.put("notice", notice);
            model.put("form", form);
            model.put("errors", errors);
            model.put("recorded", recorded);
            model.put("actions", LandlordAction.values());
            model.put("earliest", PageDates.INSTANCE.day(notice.knownSince()));
            model.put("today", notices.today().toString());
            return PageResponses.render(status, "lettings/notice", model);
        });
    }

    /** Each field at fault with the message key the page shows for it; anything else is the form as a whole. */
    private static Map<String, String> errors(InvalidFieldsException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            String field = FORM_FIELDS.contains(problem.field()) ? problem.field() : "form";
            errors.putIfAbsent(field, "error." + field);
        }
        return errors;
    }

    private static URI detailPath(String premisesId, boolean recorded) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath(Pages.PATH + "/notices/{premisesId}");
        if (recorded) {
            path.queryParam("recorded");
        }
        return path.buildAndExpand(premisesId).encode().toUri();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
