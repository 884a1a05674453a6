package se.goteborg.vaksam.intake.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.intake.bulletin.MemberBulletins;
import se.goteborg.vaksam.intake.intake.TipForms;
import se.goteborg.vaksam.intake.member.Enrolment;
import se.goteborg.vaksam.intake.member.Enrolment.EnrolledMember;
import se.goteborg.vaksam.web.page.PageResponses;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The hotel and taxi forms. A submitted form goes through {@link TipForms}, the API's own validation and storage; a
 * rejected one comes back with what was typed and one translated message per field, an accepted one is answered
 * with the confirmation page at once, so the receipt code never appears in a URL or a browser history.
 */
@Component
class FormHandler {

    private static final String SUBMISSION_ID = "submissionId";
    private static final List<String> COMMON_BEFORE = List.of("observedAt");
    private static final List<String> PREMISES = List.of("premises.name", "premises.streetAddress",
            "premises.postalCode", "premises.city", "premises.room");
    private static final List<String> TRIP = List.of("trip.pickup.address", "trip.pickup.time",
            "trip.dropoff.address", "trip.dropoff.time", "trip.passengers", "trip.vehicleRef");
    private static final List<String> COMMON_AFTER = List.of("indicators", "suspectedMinor", "immediateDanger",
            "exploitationType", "description", "reporterContact");

    private final Enrolment enrolment;
    private final TipForms forms;
    private final MemberBulletins bulletins;

    FormHandler(Enrolment enrolment, TipForms forms, MemberBulletins bulletins) {
        this.enrolment = enrolment;
        this.forms = forms;
        this.bulletins = bulletins;
    }

    Mono<ServerResponse> hotel(ServerRequest request) {
        return show(request, Channel.HOTEL);
    }

    Mono<ServerResponse> taxi(ServerRequest request) {
        return show(request, Channel.TAXI);
    }

    Mono<ServerResponse> submitHotel(ServerRequest request) {
        return submit(request, Channel.HOTEL);
    }

    Mono<ServerResponse> submitTaxi(ServerRequest request) {
        return submit(request, Channel.TAXI);
    }

    private Mono<ServerResponse> show(ServerRequest request, Channel channel) {
        return Pages.member(request, enrolment)
                .flatMap(member -> form(request, channel, member, new LinkedMultiValueMap<>(),
                        UUID.randomUUID().toString(), List.of(), HttpStatus.OK))
                .switchIfEmpty(Mono.defer(() -> notEnrolled(request)));
    }

    private Mono<ServerResponse> submit(ServerRequest request, Channel channel) {
        return Pages.member(request, enrolment)
                .flatMap(member -> request.formData().flatMap(form -> {
                    String submissionId = form.getFirst(SUBMISSION_ID);
                    return forms.submit(channel, member.memberId(), form, submissionId)
                            .flatMap(accepted -> Pages.model(request, request.path()).flatMap(model -> {
                                model.put("receiptCode", accepted.receiptCode());
                                model.put("member", member);
                                model.put("action", request.path());
                                return PageResponses.render(HttpStatus.CREATED, "intake/confirmation", model);
                            }))
                            .onErrorResume(InvalidFieldsException.class, e -> form(request, channel, member, form,
                                    TipForms.isValidSubmissionId(submissionId) ? submissionId
                                            : UUID.randomUUID().toString(),
                                    e.problems(), HttpStatus.BAD_REQUEST))
                            .onErrorResume(FormHandler::isConflict, e -> Pages.message(request, HttpStatus.CONFLICT,
                                    "alreadySent", request.path()));
                }))
                .switchIfEmpty(Mono.defer(() -> notEnrolled(request)));
    }

    private Mono<ServerResponse> form(ServerRequest request, Channel channel, EnrolledMember member,
                                      MultiValueMap<String, String> values, String submissionId,
                                      List<FieldProblem> problems, HttpStatus status) {
        List<String> fields = fields(channel);
        Set<String> invalid = invalid(problems, fields);
        return Pages.model(request, request.path()).flatMap(model -> bulletins.shownTo(member,
                (String) model.get("lang")).flatMap(shown -> {
            model.put("bulletins", shown);
            model.put("channel", channel.name());
            model.put("action", request.path());
            model.put("member", member);
            model.put("checklists", TipForms.checklists(channel));
            model.put("suspectedMinorOptions", List.of(SuspectedMinor.YES.name(), SuspectedMinor.UNSURE.name(),
                    SuspectedMinor.NO.name()));
            model.put("dangerOptions", List.of("true", "false"));
            model.put("exploitationTypes", Stream.of(ExploitationType.values()).map(Enum::name).toList());
            model.put("typed", single(values, fields));
            model.put("checked", values.getOrDefault("indicators", List.of()));
            model.put("submissionId", submissionId);
            model.put("errors", invalid);
            model.put("errorLinks", links(invalid, channel));
            return PageResponses.render(status, "intake/form", model);
        }));
    }

    private static List<String> fields(Channel channel) {
        List<String> fields = new ArrayList<>(COMMON_BEFORE);
        fields.addAll(channel == Channel.TAXI ? TRIP : PREMISES);
        fields.addAll(COMMON_AFTER);
        return fields;
    }

    /**
     * The form fields with a problem, in the order they appear on the page. {@code indicators[3]} is a problem of the
     * checklist as a whole; a problem the form cannot show by its field (none is known) is shown on the first field.
     */
    private static Set<String> invalid(List<FieldProblem> problems, List<String> fields) {
        Set<String> named = new LinkedHashSet<>();
        for (FieldProblem problem : problems) {
            String field = problem.field().replaceAll("\\[\\d+]$", "");
            named.add(fields.contains(field) ? field : fields.get(0));
        }
        Set<String> ordered = new LinkedHashSet<>();
        fields.stream().filter(named::contains).forEach(ordered::add);
        return ordered;
    }

    /** Each invalid field and the id of the input its error-summary link moves focus to. */
    private static Map<String, String> links(Set<String> invalid, Channel channel) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String field : invalid) {
            links.put(field, switch (field) {
                case "indicators" -> "ind-" + TipForms.checklists(channel).get(0).indicators().get(0);
                case "suspectedMinor" -> "suspectedMinor-" + SuspectedMinor.YES.name();
                case "immediateDanger" -> "immediateDanger-true";
                case "exploitationType" -> "exploitationType-" + ExploitationType.values()[0].name();
                default -> field.replace('.', '-');
            });
        }
        return links;
    }

    /** What was typed into each single-value field, to put back into the form. */
    private static Map<String, String> single(MultiValueMap<String, String> values, List<String> fields) {
        Map<String, String> single = new LinkedHashMap<>();
        for (String field : fields) {
            String value = values.getFirst(field);
            single.put(field, value == null ? "" : value);
        }
        return single;
    }

    private Mono<ServerResponse> notEnrolled(ServerRequest request) {
        return Pages.message(request, HttpStatus.UNAUTHORIZED, "notEnrolled", request.path());
    }

    private static boolean isConflict(Throwable e) {
        return e instanceof ErrorResponseException response && response.getStatusCode().value() == 409;
    }
}
