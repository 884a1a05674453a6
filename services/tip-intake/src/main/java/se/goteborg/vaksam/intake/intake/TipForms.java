package se.goteborg.vaksam.intake.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.intake.intake.TipRequests.HotelTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.PremisesRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.StopRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TaxiTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TripRequest;
import se.goteborg.vaksam.platform.events.Indicator;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.IdempotencyKeys;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The intake forms' way in: a submitted HTML form becomes the same request the API takes and goes through the same
 * validation and storage, so the form and the API cannot drift apart. Field names are the API's JSON paths.
 */
@Service
public class TipForms {

    private final TipValidator validator;
    private final TipService service;

    TipForms(TipValidator validator, TipService service) {
        this.validator = validator;
        this.service = service;
    }

    /** One role's checklist on a form: a group of the indicator catalogue and its codes, in catalogue order. */
    public record Checklist(String group, List<String> indicators) {
    }

    /** An accepted tip as the tipster sees it. */
    public record Accepted(String receiptCode, boolean replayed) {

        @Override
        public String toString() {
            return "Accepted[replayed=" + replayed + "]";
        }
    }

    public static List<Checklist> checklists(Channel channel) {
        return Arrays.stream(Indicator.Group.values())
                .filter(group -> group.channel() == channel)
                .map(group -> new Checklist(group.name(), Indicator.codes(group)))
                .toList();
    }

    /** Whether a submission id can serve as an Idempotency-Key. */
    public static boolean isValidSubmissionId(String submissionId) {
        return submissionId != null && IdempotencyKeys.isValid(submissionId);
    }

    /**
     * Validates and stores a tip from form fields; an {@link InvalidFieldsException} names every offending field and
     * nothing is stored then. The same {@code submissionId} with the same fields gives the first receipt again.
     */
    public Mono<Accepted> submit(Channel channel, String memberId, MultiValueMap<String, String> form,
                                 String submissionId) {
        return Mono.defer(() -> {
            FieldProblems formProblems = new FieldProblems();
            String key = isValidSubmissionId(submissionId) ? submissionId : null;
            if (channel == Channel.TAXI) {
                TaxiTipRequest request = taxi(form, formProblems);
                Tip tip = validated(() -> validator.validate(request), formProblems);
                return service.submit(memberId, request, tip, key);
            }
            HotelTipRequest request = hotel(form);
            Tip tip = validated(() -> validator.validate(request), formProblems);
            return service.submit(memberId, request, tip, key);
        }).map(submitted -> new Accepted(submitted.receipt().receiptCode(), submitted.replayed()));
    }

    /** The validator's problems and those only a form can have (text where a number belongs), together. */
    private static Tip validated(Supplier<Tip> validate, FieldProblems formProblems) {
        List<FieldProblem> problems = new ArrayList<>(formProblems.asList());
        try {
            Tip tip = validate.get();
            if (problems.isEmpty()) {
                return tip;
            }
        } catch (InvalidFieldsException e) {
            e.problems().stream()
                    .filter(problem -> problems.stream().noneMatch(known -> known.field().equals(problem.field())))
                    .forEach(problems::add);
        }
        throw new InvalidFieldsException(problems);
    }

    private static HotelTipRequest hotel(MultiValueMap<String, String> form) {
        return new HotelTipRequest(text(form, "observedAt"), indicators(form), text(form, "suspectedMinor"),
                bool(form, "immediateDanger"), text(form, "exploitationType"), text(form, "description"),
                text(form, "reporterContact"),
                new PremisesRequest(text(form, "premises.name"), text(form, "premises.streetAddress"),
                        text(form, "premises.postalCode"), text(form, "premises.city"), text(form, "premises.room")));
    }

    private static TaxiTipRequest taxi(MultiValueMap<String, String> form, FieldProblems problems) {
        return new TaxiTipRequest(text(form, "observedAt"), indicators(form), text(form, "suspectedMinor"),
                bool(form, "immediateDanger"), text(form, "exploitationType"), text(form, "description"),
                text(form, "reporterContact"),
                new TripRequest(
                        new StopRequest(text(form, "trip.pickup.address"), text(form, "trip.pickup.time")),
                        new StopRequest(text(form, "trip.dropoff.address"), text(form, "trip.dropoff.time")),
                        passengers(form, problems), text(form, "trip.vehicleRef")));
    }

    /** A field as typed; an empty input is an absent value, as a missing JSON field is. */
    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value;
    }

    private static List<String> indicators(MultiValueMap<String, String> form) {
        List<String> codes = form.get("indicators");
        return codes == null ? List.of() : List.copyOf(codes);
    }

    private static Boolean bool(MultiValueMap<String, String> form, String field) {
        String value = text(form, field);
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    private static Integer passengers(MultiValueMap<String, String> form, FieldProblems problems) {
        String value = text(form, "trip.passengers");
        if (value == null) {
            return null;
        }
        String digits = value.strip();
        if (!problems.check(digits.matches("[0-9]{1,3}"), "trip.passengers",
                "must be between 1 and " + TipValidator.MAX_PASSENGERS)) {
            return null;
        }
        return Integer.valueOf(digits);
    }
}
